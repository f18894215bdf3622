using System.Diagnostics;

namespace KnowledgeEngine.BrowserTests;

/// <summary>The pages under test, written by the built kb (kb.dll next to the tests) into a
/// temporary folder: the diagnosis of the MAC-change example bundle, saved alone with -o, and the
/// runbook site of the whole knowledge base.</summary>
internal sealed class KbPages : IDisposable
{
    private KbPages(string folder) => Folder = folder;

    public string Folder { get; }

    public string Diagnosis => Path.Combine(Folder, "report", "diagnosis.html");

    public string Site => Path.Combine(Folder, "site");

    public static KbPages Write()
    {
        var pages = new KbPages(Directory.CreateTempSubdirectory("kb-browser-").FullName);
        var bundle = Path.Combine(RepositoryRoot(), "rules", "cloudpods", "examples", "host-mac-changed", "fires");
        Kb("diagnose", bundle, "--format", "html", "-o", pages.Diagnosis);
        Kb("runbook", "--all", "-o", pages.Site);
        return pages;
    }

    public void Dispose() => Directory.Delete(Folder, recursive: true);

    private static void Kb(params string[] args)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "kb.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var kb = Process.Start(start)!;
        var stderr = kb.StandardError.ReadToEndAsync();
        var stdout = kb.StandardOutput.ReadToEnd();
        kb.WaitForExit();
        if (kb.ExitCode != 0)
        {
            throw new InvalidOperationException($"kb {string.Join(' ', args)} exited {kb.ExitCode}:\n{stdout}{stderr.Result}");
        }
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "KnowledgeEngine.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("KnowledgeEngine.sln not found above " + AppContext.BaseDirectory);
    }
}
