using System.Diagnostics;
using KnowledgeEngine.Facts;

namespace KnowledgeEngine.Bench.Scanning;

/// <summary>
/// `bench scan [sizes in MB...] [--dir D]`: generates the corpus per size and times, in the same run on the same
/// file, `grep -c -F -f`, `rg -c -F -f` and our scan for 20 and 500 literals, with peak memory. Deletes the files.
/// </summary>
public static class ScanWorkload
{
    public static int Run(string[] args)
    {
        var folder = Path.GetTempPath();
        var sizes = new List<long>();
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--dir" && i + 1 < args.Length)
            {
                folder = args[++i];
            }
            else if (long.TryParse(args[i], out var megabytes))
            {
                sizes.Add(megabytes);
            }
        }
        if (sizes.Count == 0)
        {
            sizes.AddRange([100, 500, 1000]);
        }

        Console.WriteLine("| size | tool | literals | matching lines | seconds | MB/s | peak RSS MB |");
        Console.WriteLine("|---|---|---|---|---|---|---|");
        foreach (var size in sizes)
        {
            Measure(folder, size);
        }

        return 0;
    }

    private static void Measure(string folder, long megabytes)
    {
        var log = Path.Combine(folder, $"kb-scan-{megabytes}mb.log");
        var patterns20 = Path.Combine(folder, "kb-scan-patterns20.txt");
        var patterns500 = Path.Combine(folder, "kb-scan-patterns500.txt");
        try
        {
            var expected = ScanCorpus.Write(log, megabytes * 1_000_000);
            File.WriteAllLines(patterns20, ScanCorpus.Patterns(20));
            File.WriteAllLines(patterns500, ScanCorpus.Patterns(500));
            var length = new FileInfo(log).Length;
            External("cat", [log]); // warms the page cache so every tool reads from memory
            Report(megabytes, "grep -c -F -f", 20, External("grep", ["-c", "-F", "-f", patterns20, log]), length);
            Report(megabytes, "rg -c -F -f", 20, External("rg", ["-c", "-F", "-f", patterns20, log]), length);
            Report(megabytes, "kb scan", 20, Ours(log, ScanCorpus.Patterns(20)), length);
            Report(megabytes, "grep -c -F -f", 500, External("grep", ["-c", "-F", "-f", patterns500, log]), length);
            Report(megabytes, "rg -c -F -f", 500, External("rg", ["-c", "-F", "-f", patterns500, log]), length);
            Report(megabytes, "kb scan", 500, Ours(log, ScanCorpus.Patterns(500)), length);
            Console.WriteLine($"<!-- {megabytes} MB: generator wrote {expected} literal lines -->");
        }
        finally
        {
            File.Delete(log);
            File.Delete(patterns20);
            File.Delete(patterns500);
        }
    }

    private static void Report(long megabytes, string tool, int literals, (long Count, double Seconds, long PeakBytes) result, long length) =>
        Console.WriteLine($"| {megabytes} MB | {tool} | {literals} | {result.Count} | {result.Seconds:0.000} | {length / 1e6 / result.Seconds:0} | " +
                          $"{(result.PeakBytes > 0 ? (result.PeakBytes / 1e6).ToString("0") : "n/a")} |");

    private static (long, double, long) Ours(string log, string[] literals)
    {
        var builder = ScanPlan.CreateBuilder();
        foreach (var literal in literals)
        {
            builder.AddLiteral(literal, literal);
        }

        var plan = builder.Build();
        GC.Collect();
        using var sampler = new PeakSampler();
        var clock = Stopwatch.StartNew();
        long records = 0;
        using (var bundle = Bundle.Open(log))
        {
            foreach (var fact in bundle.Scan(plan))
            {
                if (fact is LogFact)
                {
                    records++;
                }
            }
        }
        clock.Stop();
        return (records, clock.Elapsed.TotalSeconds, sampler.Peak);
    }

    private static (long, double, long) External(string tool, string[] arguments)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"cannot start {tool}");
        if (tool == "cat")
        {
            process.StandardOutput.BaseStream.CopyTo(Stream.Null);
            process.WaitForExit();
            return (0, 0, 0);
        }
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        clock.Stop();
        return (long.TryParse(output.Trim(), out var count) ? count : -1, clock.Elapsed.TotalSeconds, 0);
    }

    /// <summary>Samples this process's resident set while a scan runs; the maximum is the scan's peak.</summary>
    private sealed class PeakSampler : IDisposable
    {
        private readonly Timer _timer;
        private long _peak;

        public PeakSampler() => _timer = new Timer(_ => Sample(), null, 0, 20);

        public long Peak
        {
            get
            {
                Sample();
                return Interlocked.Read(ref _peak);
            }
        }

        private void Sample()
        {
            using var self = Process.GetCurrentProcess();
            var current = self.WorkingSet64;
            long seen;
            while (current > (seen = Interlocked.Read(ref _peak)) && Interlocked.CompareExchange(ref _peak, current, seen) != seen)
            {
            }
        }

        public void Dispose() => _timer.Dispose();
    }
}
