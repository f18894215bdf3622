using System.Diagnostics;
using System.Text.Json.Nodes;

namespace KnowledgeEngine.Bench.Rules;

/// <summary>
/// Runs a workload again in a child process with kb's GC settings. The bench's runtimeconfig gives gen0 a 256 MB
/// budget for the engine workloads (inserting 100k long-lived facts), which kb does not have: under it, one cold
/// load of 5,000 generated rules peaked at 302–306 MB, against 231–233 MB with kb's settings, the difference being
/// garbage the GC had not yet been asked to collect (measured 2026-12-02, docs/benchmarks.md, eighth round).
/// </summary>
internal static class KbGcSettings
{
    private const string Gen0Budget = "System.GC.Gen0Size";

    /// <summary>True in a process started with the bench's own gen0 budget, that is, not by <see cref="Rerun"/>.</summary>
    public static bool HasBenchBudget => AppContext.GetData(Gen0Budget) is not null;

    /// <summary>Runs this bench with <paramref name="args"/> under a copy of its runtimeconfig without the GC
    /// settings kb does not set (gen0 budget, non-concurrent GC), and returns the child's exit code.</summary>
    public static int Rerun(IEnumerable<string> args)
    {
        var assembly = typeof(KbGcSettings).Assembly.Location;
        var config = Path.ChangeExtension(assembly, ".runtimeconfig.json");
        var root = JsonNode.Parse(File.ReadAllText(config))!;
        var properties = root["runtimeOptions"]!["configProperties"]!.AsObject();
        properties.Remove(Gen0Budget);
        properties.Remove("System.GC.Concurrent");
        var copy = Path.Combine(Path.GetTempPath(), $"kb-bench-{Environment.ProcessId}.runtimeconfig.json");
        File.WriteAllText(copy, root.ToJsonString());
        try
        {
            var start = new ProcessStartInfo(DotnetHost()) { UseShellExecute = false };
            foreach (var argument in new[] { "exec", "--runtimeconfig", copy, assembly }.Concat(args))
            {
                start.ArgumentList.Add(argument);
            }

            using var child = Process.Start(start)!;
            child.WaitForExit();
            return child.ExitCode;
        }
        finally
        {
            File.Delete(copy);
        }
    }

    /// <summary>The dotnet host: this process's own when it runs under dotnet, else the one the SDK names, else PATH's.</summary>
    private static string DotnetHost()
    {
        var current = Environment.ProcessPath;
        if (current is not null && Path.GetFileNameWithoutExtension(current) == "dotnet")
        {
            return current;
        }

        return Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";
    }
}
