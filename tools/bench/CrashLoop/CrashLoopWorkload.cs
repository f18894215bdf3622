using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text.Json;

namespace KnowledgeEngine.Bench.CrashLoop;

/// <summary>
/// `bench crashloop [--repeats N] [--full-body] [--kb DIR] [--runs R] [--keep DIR]`: the published kb diagnosing a Cloudpods
/// crash loop. Writes the example bundle with 1 and with N repeats of the host log's `Master MAC` / 409 pair
/// (<see cref="CrashLoopBundle"/>) into a temporary folder, publishes tools/kb (or takes the kb in DIR, e.g. one
/// built from an older commit), runs `kb diagnose BUNDLE --format json` under /usr/bin/time -v and prints wall
/// time, peak RSS, the first cause and the repeat count the report gives for it. --keep writes the bundles into
/// DIR and leaves them there (to profile or to run an older kb on by hand).
/// </summary>
public static class CrashLoopWorkload
{
    public static int Run(string[] args)
    {
        var repeats = 100_000;
        var runs = 3;
        var fullBody = false;
        string? kb = null;
        string? keep = null;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--repeats" when i + 1 < args.Length:
                    repeats = int.Parse(args[++i].Replace("_", "").Replace("k", "000"));
                    break;
                case "--runs" when i + 1 < args.Length:
                    runs = int.Parse(args[++i]);
                    break;
                case "--kb" when i + 1 < args.Length:
                    kb = Path.GetFullPath(args[++i]);
                    break;
                case "--keep" when i + 1 < args.Length:
                    keep = Path.GetFullPath(args[++i]);
                    break;
                case "--full-body":
                    fullBody = true;
                    break;
                default:
                    Console.Error.WriteLine($"'{args[i]}': usage: bench crashloop [--repeats N] [--full-body] [--kb DIR] [--runs R] [--keep DIR]");
                    return 2;
            }
        }

        var repository = RepositoryRoot();
        var root = Directory.CreateTempSubdirectory("kb-bench-crashloop-");
        try
        {
            kb ??= Publish(repository, Path.Combine(root.FullName, "kb"));
            if (kb is null)
            {
                return 1;
            }

            Console.WriteLine(MachineLine.Describe());
            Console.WriteLine($"kb: {kb}; {(fullBody ? "the example's full 409 line (1.1 KB)" : "the short 409 body of the rule's inline example")}; {runs} runs each, one process per run");
            Console.WriteLine("| repeats | host log MB | wall s (median; all runs) | peak RSS MB (max) | exit | first cause | repeats reported |");
            Console.WriteLine("|---:|---:|---:|---:|---:|---|---:|");
            foreach (var count in repeats == 1 ? [1] : new[] { 1, repeats })
            {
                var bundle = Path.Combine(keep ?? root.FullName, $"bundle-{count}");
                var bytes = CrashLoopBundle.Write(repository, bundle, count, fullBody);
                var results = Enumerable.Range(0, runs).Select(_ => Diagnose(kb, bundle)).ToList();
                var walls = results.Select(r => r.Wall).ToList();
                var last = results[^1];
                Console.WriteLine($"| {count:N0} | {bytes / 1e6:0.0} | {walls.Order().ElementAt(walls.Count / 2):0.000} ({string.Join(" / ", walls.Select(w => w.ToString("0.000")))}) | " +
                                  $"{results.Max(r => r.PeakMb):0} | {last.Exit} | {last.FirstCause} | {last.Repeats} |");
            }
            return 0;
        }
        finally
        {
            root.Delete(recursive: true);
        }
    }

    private sealed record Result(double Wall, double PeakMb, int Exit, string FirstCause, string Repeats);

    private static Result Diagnose(string kb, string bundle)
    {
        var timeTool = File.Exists("/usr/bin/time");
        var start = new ProcessStartInfo(timeTool ? "/usr/bin/time" : Path.Combine(kb, "kb"))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in (string[])(timeTool ? ["-v", Path.Combine(kb, "kb")] : []))
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var arg in (string[])["diagnose", bundle, "--format", "json"])
        {
            start.ArgumentList.Add(arg);
        }

        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        clock.Stop();
        var error = stderr.Result;
        // /usr/bin/time -v: "Maximum resident set size (kbytes): 123456"; without it the peak is unknown.
        var peak = error.Split('\n').FirstOrDefault(l => l.Contains("Maximum resident set size", StringComparison.Ordinal)) is { } line
            ? double.Parse(line[(line.LastIndexOf(':') + 1)..].Trim()) / 1024 : double.NaN;
        var exit = process.ExitCode;
        var (cause, repeats) = FirstCause(stdout);
        if (cause == "-" && error.Length > 0)
        {
            Console.Error.WriteLine(error.Split('\n').FirstOrDefault(l => l.Trim().Length > 0 && !l.StartsWith('\t')));
        }

        return new Result(clock.Elapsed.TotalSeconds, peak, exit, cause, repeats);
    }

    /// <summary>The first cause's rule and the largest "repeats" (or "count") number anywhere in it: where the
    /// report carries the repeat count is the reports layer's choice, so the bench looks for it by name.</summary>
    private static (string Cause, string Repeats) FirstCause(string json)
    {
        try
        {
            var causes = JsonDocument.Parse(json).RootElement.GetProperty("causes");
            if (causes.GetArrayLength() == 0)
            {
                return ("(none)", "-");
            }

            var first = causes[0];
            var found = Numbers(first).DefaultIfEmpty(-1).Max();
            return (first.GetProperty("rule").GetString() ?? "?", found < 0 ? "-" : found.ToString("N0"));
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return ("-", "-");
        }
    }

    private static IEnumerable<long> Numbers(JsonElement element)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in element.EnumerateObject())
            {
                if (property.Name is "repeats" or "repeat_count" or "count" && property.Value.TryGetInt64(out var number))
                {
                    yield return number;
                }

                foreach (var inner in Numbers(property.Value))
                {
                    yield return inner;
                }
            }
        }
        else if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in element.EnumerateArray())
            {
                foreach (var inner in Numbers(item))
                {
                    yield return inner;
                }
            }
        }
    }

    private static string? Publish(string repository, string output)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in (string[])["publish", Path.Combine(repository, "tools", "kb"), "-c", "Release", "-o", output])
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var log = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode == 0)
        {
            return output;
        }

        Console.Error.WriteLine($"crashloop: dotnet publish tools/kb failed:\n{log}{stderr.Result}");
        return null;
    }

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "KnowledgeEngine.sln")))
            {
                return folder.FullName;
            }
        }
        return Directory.GetCurrentDirectory();
    }
}
