namespace KnowledgeEngine.BrowserTests;

/// <summary>
/// The Chromium the tests drive. Playwright's own browser download is not used (CI has no access
/// to it): the tests launch the distribution's package, found as KB_CHROMIUM or as chromium /
/// chromium-browser on PATH. Missing, it is installed with apt-get when the tests run as root on a
/// Debian-like system (as .ci/run and tools/fuzz/run.sh install what they need), so `dotnet test`
/// stays the one command of the README; otherwise it is a test failure that says how to install it,
/// never a skip.
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

        return OnPath() ?? Installed.Value ?? throw new InvalidOperationException(
                $"The browser tests need Chromium and found none (no chromium or chromium-browser on PATH, no KB_CHROMIUM). Install it: {Install} " +
                "(Debian/Ubuntu; run as root, the tests install it themselves), or set KB_CHROMIUM to a Chromium or Chrome binary.");
    }

    /// <summary>One install attempt per test run, shared by every test.</summary>
    private static readonly Lazy<string?> Installed = new(InstallPackage);

    private static string? OnPath() =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .SelectMany(dir => new[] { "chromium", "chromium-browser" }.Select(name => Path.Combine(dir, name))).FirstOrDefault(File.Exists);

    private static string? InstallPackage()
    {
        if (Environment.UserName != "root" || !File.Exists("/usr/bin/apt-get"))
        {
            return null;
        }

        var start = new System.Diagnostics.ProcessStartInfo("sh", ["-c", "apt-get update -qq && apt-get install -y -qq chromium"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["DEBIAN_FRONTEND"] = "noninteractive";
        using var process = System.Diagnostics.Process.Start(start)!;
        _ = process.StandardOutput.ReadToEndAsync();
        _ = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(15)))
        {
            process.Kill(entireProcessTree: true);
            return null;
        }

        return process.ExitCode == 0 ? OnPath() : null;
    }
}
