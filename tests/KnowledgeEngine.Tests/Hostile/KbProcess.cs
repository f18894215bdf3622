using System.Diagnostics;

namespace KnowledgeEngine.Tests.Hostile;

/// <summary>Runs the built kb (kb.dll next to the tests) as a child process: for what an in-process
/// run cannot show, such as a signal or a user who lacks permissions. As root, which can read
/// chmod-000 files, <see cref="AsUnprivileged"/> runs it as nobody through setpriv.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
internal static class KbProcess
{
    private const int Nobody = 65534;

    public static bool IsRoot => Environment.UserName == "root";

    public static Process Start(string[] args, string tempFolder, bool asUnprivileged = false, bool redirectInput = false, string? workingDirectory = null)
    {
        var kb = Path.Combine(AppContext.BaseDirectory, "kb.dll");
        var start = asUnprivileged && IsRoot
            ? new ProcessStartInfo("setpriv", ["--reuid", $"{Nobody}", "--regid", $"{Nobody}", "--clear-groups", "dotnet", kb, .. args])
            : new ProcessStartInfo("dotnet", [kb, .. args]);
        start.RedirectStandardInput = redirectInput;
        start.WorkingDirectory = workingDirectory ?? "";
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.Environment["TMPDIR"] = tempFolder;
        start.Environment["HOME"] = tempFolder;
        // kb's JIT profiles (JitProfile) go under the test's folder too, not under the cache of whoever runs the tests.
        start.Environment["XDG_CACHE_HOME"] = Path.Combine(tempFolder, ".cache");
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        return Process.Start(start)!;
    }

    public static (int Code, string Stdout, string Stderr) Run(string[] args, string tempFolder, bool asUnprivileged = false) =>
        Run(args, tempFolder, null, asUnprivileged);

    /// <summary>Runs kb with <paramref name="stdin"/> piped into its standard input (closed after it), as <c>printf … | kb</c>.</summary>
    public static (int Code, string Stdout, string Stderr) Run(string[] args, string tempFolder, string? stdin, bool asUnprivileged = false, string? workingDirectory = null)
    {
        using var process = Start(args, tempFolder, asUnprivileged, redirectInput: stdin is not null, workingDirectory);
        if (stdin is not null)
        {
            process.StandardInput.Write(stdin);
            process.StandardInput.Close();
        }

        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(60)))
        {
            process.Kill();
            throw new TimeoutException($"kb {string.Join(' ', args)} did not finish within 60 s");
        }

        return (process.ExitCode, stdout.Result, stderr.Result);
    }

    /// <summary>A folder every user may enter and read (CreateTempSubdirectory makes it private).</summary>
    public static string OpenFolder(string prefix)
    {
        var folder = Directory.CreateTempSubdirectory(prefix).FullName;
        File.SetUnixFileMode(folder, (UnixFileMode)0b111_111_111);
        return folder;
    }
}
