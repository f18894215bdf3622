namespace KnowledgeEngine.BrowserTests;

/// <summary>
/// The Chromium the tests drive. Playwright's own browser download is not used (CI has no access
/// to it): the tests launch the distribution's package, found as KB_CHROMIUM or as chromium /
/// chromium-browser on PATH. Missing, it is a test failure that says how to install it, never a skip.
/// </summary>
internal static class ChromiumBinary
{
    public const string Install = "apt-get update && apt-get install -y chromium";

    public static string Find()
    {
        if (Environment.GetEnvironmentVariable("KB_CHROMIUM") is { Length: > 0 } given)
        {
            return File.Exists(given)
                ? given
                : throw new InvalidOperationException($"KB_CHROMIUM is '{given}', which does not exist: point it at a Chromium binary, or unset it and install the Debian package ({Install}).");
        }

        var path = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        return path.SelectMany(dir => new[] { "chromium", "chromium-browser" }.Select(name => Path.Combine(dir, name))).FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException(
                $"The browser tests need Chromium and found none (no chromium or chromium-browser on PATH, no KB_CHROMIUM). Install it: {Install} " +
                "(Debian/Ubuntu; .ci/run does this itself), or set KB_CHROMIUM to a Chromium or Chrome binary.");
    }
}
