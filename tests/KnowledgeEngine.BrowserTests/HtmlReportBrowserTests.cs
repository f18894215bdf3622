using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace KnowledgeEngine.BrowserTests;

/// <summary>
/// The diagnosis page and the runbook site as a reader's browser shows them: headless Chromium
/// opens the files kb wrote through file:// URLs, follows every link, and watches the console.
/// Screenshots of the diagnosis, the site index and one rule page go to the artifacts folder.
/// </summary>
public sealed class HtmlReportBrowserTests(BrowserSession session) : IClassFixture<BrowserSession>
{
    private static string Url(string path) => new Uri(path).AbsoluteUri;

    [Fact]
    public async Task Diagnosis_ShowsTheRankedCausesAndTheirEvidence()
    {
        var errors = new List<string>();
        var page = await session.NewPageAsync(errors);

        await page.GotoAsync(Url(session.Pages.Diagnosis));

        var rows = page.Locator("table").First.Locator("tbody tr");
        await Expect(rows).ToHaveCountAsync(2);
        await Expect(rows.First).ToBeVisibleAsync();
        await Expect(rows.First).ToContainTextAsync("Host cannot re-register after its NIC MAC address changed");
        var evidence = page.Locator("h3:text-is('Evidence') + ul > li");
        await Expect(evidence.First).ToBeVisibleAsync();
        await Expect(page.Locator("h3:text-is('Evidence') + ul").First).ToContainTextAsync("Master MAC: b4:96:91:2c:7e:10");
        // The text the rule matched is highlighted inside the quoted record.
        await Expect(evidence.First.Locator("strong")).ToContainTextAsync("duplicate manager_uri https://10.20.30.17:8885");
        // Tall enough to show the table and the first cause's evidence (the README's picture).
        await page.SetViewportSizeAsync(1100, 1600);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = session.Screenshot("diagnosis.png") });
        Assert.Empty(errors);
    }

    [Fact]
    public async Task Diagnosis_SummaryRowLink_ScrollsToItsCause()
    {
        var page = await session.NewPageAsync([]);
        await page.GotoAsync(Url(session.Pages.Diagnosis));

        await page.Locator("table").First.Locator("tbody tr").Nth(1).Locator("a").ClickAsync();

        var heading = page.Locator("h2", new PageLocatorOptions { HasTextString = "2. Host offline" });
        await Expect(heading).ToBeInViewportAsync();
        Assert.EndsWith("#" + await heading.GetAttributeAsync("id"), page.Url);
    }

    [Fact]
    public async Task Diagnosis_EveryLinkLoads_AndTheConsoleStaysClean()
    {
        var errors = new List<string>();
        var crawler = new LinkCrawler(await session.NewPageAsync(errors), Path.GetDirectoryName(session.Pages.Diagnosis)!);

        var dead = await crawler.DeadLinksFromAsync(Url(session.Pages.Diagnosis));

        Assert.Empty(dead);
        Assert.Empty(errors);
        Assert.True(crawler.LinksFollowed >= 5, $"only {crawler.LinksFollowed} links followed");
    }

    [Fact]
    public async Task Site_EveryLinkFromTheIndexLoads_AndTheConsoleStaysClean()
    {
        var errors = new List<string>();
        var page = await session.NewPageAsync(errors);
        var crawler = new LinkCrawler(page, session.Pages.Site);

        var dead = await crawler.DeadLinksFromAsync(Url(Path.Combine(session.Pages.Site, "index.html")));

        Assert.Empty(dead);
        Assert.Empty(errors);
        var written = Directory.GetFiles(session.Pages.Site, "*.html", SearchOption.AllDirectories).Length;
        Assert.Equal(written, crawler.PagesOpened);
    }

    [Fact]
    public async Task Site_IndexAndRulePage_AreShownAndTheRulePageLeadsBack()
    {
        var errors = new List<string>();
        var page = await session.NewPageAsync(errors);
        await page.GotoAsync(Url(Path.Combine(session.Pages.Site, "index.html")));
        await Expect(page.Locator("h1")).ToHaveTextAsync("Runbooks");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = session.Screenshot("site-index.png") });

        await page.Locator("a", new PageLocatorOptions { HasTextString = "cloudpods/host-mac-changed" }).First.ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Host cannot re-register after its NIC MAC address changed");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = session.Screenshot("rule-page.png") });
        await page.Locator("a", new PageLocatorOptions { HasTextString = "All runbooks" }).ClickAsync();

        Assert.Equal(Url(Path.Combine(session.Pages.Site, "index.html")), page.Url);
        Assert.Empty(errors);
    }
}
