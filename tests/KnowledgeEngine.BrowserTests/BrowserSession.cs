using Microsoft.Playwright;

namespace KnowledgeEngine.BrowserTests;

/// <summary>One headless Chromium for the test class, the pages kb wrote, and the folder that
/// keeps the screenshots (KB_ARTIFACTS, else artifacts/ under the test output; CI keeps it).</summary>
public sealed class BrowserSession : IAsyncLifetime
{
    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private KbPages? _pages;

    internal KbPages Pages => _pages ?? throw new InvalidOperationException("the session did not start");

    public string Artifacts { get; } = Environment.GetEnvironmentVariable("KB_ARTIFACTS") is { Length: > 0 } given
        ? Path.GetFullPath(given)
        : Path.Combine(AppContext.BaseDirectory, "artifacts");

    public async Task InitializeAsync()
    {
        var chromium = ChromiumBinary.Find();
        Directory.CreateDirectory(Artifacts);
        _pages = KbPages.Write();
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = chromium, Headless = true });
    }

    /// <summary>A new tab whose console errors and uncaught page errors land in <paramref name="errors"/>.</summary>
    public async Task<IPage> NewPageAsync(List<string> errors)
    {
        var page = await _browser!.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                errors.Add($"{page.Url}: console error: {message.Text}");
            }
        };
        page.PageError += (_, error) => errors.Add($"{page.Url}: page error: {error}");
        page.RequestFailed += (_, request) => errors.Add($"{page.Url}: request failed: {request.Url} ({request.Failure})");
        return page;
    }

    public string Screenshot(string name) => Path.Combine(Artifacts, name);

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.CloseAsync();
        }

        _playwright?.Dispose();
        _pages?.Dispose();
    }
}
