using System.Text.RegularExpressions;
using KnowledgeEngine.Tests.Runbooks;

namespace KnowledgeEngine.Tests.Reports;

/// <summary>A diagnosis saved with -o, alone or next to a runbook site (--site): every link on the
/// page loads, the summary rows lead to their causes, and a long page has its contents.</summary>
[Collection("Console")]
public sealed class DiagnosisLinkTests : IDisposable
{
    private const string MacChanged = "cloudpods/host-mac-changed/fires";
    private readonly string _folder = Directory.CreateTempSubdirectory("kb-links-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    /// <summary>Every example bundle of the knowledge base that a rule fires on.</summary>
    public static TheoryData<string> Bundles() => new(Directory
        .EnumerateDirectories(RepositoryPaths.Rules, "*", SearchOption.AllDirectories)
        .Where(d => Path.GetFileName(Path.GetDirectoryName(Path.GetDirectoryName(d))) == "examples" && Path.GetFileName(d).StartsWith("fires", StringComparison.Ordinal))
        .Select(d => Path.GetRelativePath(RepositoryPaths.Rules, d).Replace('\\', '/').Replace("/examples/", "/"))
        .Order(StringComparer.Ordinal));

    private string Diagnose(string bundle, params string[] more)
    {
        var page = Path.Combine(_folder, "report", "diagnosis.html");
        var (code, _, stderr) = KbRun.Run(["diagnose", KbRun.Bundle(bundle), "--format", "html", "-o", page, .. more]);
        Assert.True(code == 0, stderr);
        return page;
    }

    [Theory]
    [MemberData(nameof(Bundles))]
    public void Html_SavedAlone_HasNoDeadLink(string bundle)
    {
        var page = Diagnose(bundle);

        Assert.Empty(HtmlLinks.Dead(page));
        Assert.DoesNotContain(HtmlLinks.Hrefs(File.ReadAllText(page)), h => !h.StartsWith('#') && !h.Contains("://", StringComparison.Ordinal));
    }

    [Fact]
    public void Html_SavedAlone_HoldsTheLinkedArticleAndPointsToIt()
    {
        var html = File.ReadAllText(Diagnose(MacChanged));

        Assert.Contains("<h2 id=\"knowledge-articles\">Knowledge articles</h2>", html);
        Assert.Contains("Knowledge article: <a href=\"#host-cannot-re-register-after-its-nic-mac-address-changed\">", html);
        Assert.Contains("<h3 id=\"host-cannot-re-register-after-its-nic-mac-address-changed\">", html);
    }

    [Fact]
    public void Html_EachSummaryRow_LinksToItsCauseHeading()
    {
        var html = File.ReadAllText(Diagnose(MacChanged));
        var rows = Regex.Matches(html, "<td><a href=\"#([^\"]+)\">").Select(m => m.Groups[1].Value).ToList();
        var causes = Regex.Matches(html, "<h2 id=\"([^\"]+)\">\\d+\\. ").Select(m => m.Groups[1].Value).ToList();

        Assert.Equal(2, rows.Count);
        Assert.Equal(causes, rows);
    }

    [Fact]
    public void Html_MoreThanOneCause_StartsWithContents()
    {
        var html = File.ReadAllText(Diagnose(MacChanged));
        var contents = html.IndexOf("<p>Contents: <a href=\"#summary\">Summary</a>", StringComparison.Ordinal);

        Assert.InRange(contents, 0, html.IndexOf("<h2 id=\"summary\">", StringComparison.Ordinal));
        Assert.Contains("<a href=\"#knowledge-articles\">Knowledge articles</a>", html[contents..html.IndexOf("</p>", contents, StringComparison.Ordinal)]);
    }

    [Fact]
    public void Html_OneCause_HasNoContentsLine()
    {
        var html = File.ReadAllText(Diagnose("talos/state-partition-corrupted/fires"));

        Assert.Single(Regex.Matches(html, "<h2 id=\"\\d"));
        Assert.DoesNotContain("Contents:", html);
    }

    [Fact]
    public void Html_WithSiteFolder_LinksIntoTheSiteAndLeavesTheArticlesOut()
    {
        var site = Path.Combine(_folder, "site");
        Assert.Equal(0, KbRun.Run("runbook", "--all", "-o", site).Code);

        var page = Diagnose(MacChanged, "--site", site);
        var html = File.ReadAllText(page);

        Assert.Empty(HtmlLinks.Dead(page));
        Assert.Contains("href=\"../site/cloudpods/host-mac-changed.html\"", html);
        Assert.Contains("href=\"../site/knowledge/cloudpods/host-mac-changed.html\"", html);
        Assert.DoesNotContain("Knowledge articles", html);
    }

    [Fact]
    public void Markdown_WithSiteUrl_LinksToItsHtmlPages()
    {
        var (code, stdout, stderr) = KbRun.Run("diagnose", KbRun.Bundle(MacChanged), "--format", "markdown", "--site", "https://kb.example.org/runbooks/");

        Assert.True(code == 0, stderr);
        Assert.Contains("[`cloudpods/host-mac-changed`](https://kb.example.org/runbooks/cloudpods/host-mac-changed.html)", stdout);
        Assert.Contains("(https://kb.example.org/runbooks/knowledge/cloudpods/host-mac-changed.html)", stdout);
    }

    [Fact]
    public void Site_FolderWithoutASite_IsAnErrorThatSaysHowToWriteOne()
    {
        var (code, _, stderr) = KbRun.Run("diagnose", KbRun.Bundle(MacChanged), "--format", "html", "-o", Path.Combine(_folder, "d.html"), "--site", _folder);

        Assert.Equal(1, code);
        Assert.Contains("holds no runbook site (no index.html there) — write one with kb runbook --all -o", stderr);
        Assert.False(File.Exists(Path.Combine(_folder, "d.html")));
    }

    [Fact]
    public void Site_WithTheTableFormat_IsRefused()
    {
        var (code, stdout, stderr) = KbRun.Run("diagnose", KbRun.Bundle(MacChanged), "--site", "https://kb.example.org");

        Assert.Equal(1, code);
        Assert.Contains("--site sets the links of markdown and html reports", stdout + stderr);
    }

    [Fact]
    public void RunbookBundle_WithSite_LinksTheRuleToTheSite()
    {
        var (code, stdout, stderr) = KbRun.Run("runbook", "cloudpods/host-mac-changed", "--bundle", KbRun.Bundle(MacChanged), "--site", "https://kb.example.org");

        Assert.True(code == 0, stderr);
        Assert.Contains("(https://kb.example.org/cloudpods/host-mac-changed.html)", stdout);
    }

    [Fact]
    public void RuleRunbook_WithSite_LinksTheArticleAndTheIndexToTheSite()
    {
        var (code, stdout, stderr) = KbRun.Run("runbook", "cloudpods/host-mac-changed", "--site", "https://kb.example.org");

        Assert.True(code == 0, stderr);
        Assert.Contains("[← All runbooks](https://kb.example.org/index.html)", stdout);
        Assert.Contains("(https://kb.example.org/knowledge/cloudpods/host-mac-changed.html)", stdout);
    }
}
