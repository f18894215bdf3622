using System.Diagnostics;
using KnowledgeEngine.Facts;
using KnowledgeEngine.Rules;

namespace KnowledgeEngine.Bench.Engine;

/// <summary>
/// `bench diag [lines] [--rules N] [--runs R] [--per-mille P]`: the end-to-end diagnosis of issue 4 — N rules (default 500), each
/// `log contains &lt;literal&gt;` joined to a `resource` host by host name, over a generated folder bundle of
/// `lines` syslog lines (default 100,000, about 12.5 MB) naming 200 hosts, plus a climc host list. Times the
/// real path: <see cref="Bundle.Open"/>, then <see cref="RuleSet.Run(Bundle)"/> (scan, match, join, fire and
/// read back every fired rule). Two hit rates are run: 1 % of lines carry a literal (a typical bundle) and
/// every line does (every line becomes a fact, joins and fires), or only P lines in 1,000 when given.
/// Each is run R times in one process; the first run of a process also reports the JIT time it paid.
/// </summary>
public static class DiagWorkload
{
    public static int Run(string[] args)
    {
        var lines = 100_000;
        var ruleCount = 500;
        var runs = 5;
        int[] rates = [10, 1000];
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--rules" && i + 1 < args.Length)
            {
                ruleCount = int.Parse(args[++i]);
            }
            else if (args[i] == "--runs" && i + 1 < args.Length)
            {
                runs = int.Parse(args[++i]);
            }
            else if (args[i] == "--per-mille" && i + 1 < args.Length)
            {
                rates = [int.Parse(args[++i])];
            }
            else if (!int.TryParse(args[i].Replace("k", "000"), out lines))
            {
                Console.Error.WriteLine($"'{args[i]}' is not a line count; write e.g. bench diag 100000 --rules 500 --runs 5");
                return 2;
            }
        }

        var root = Directory.CreateTempSubdirectory("kb-bench-diag-");
        try
        {
            var literals = DiagCorpus.Literals(ruleCount);
            var rulesFolder = Path.Combine(root.FullName, "rules");
            DiagCorpus.WriteRules(rulesFolder, literals);
            var load = Stopwatch.StartNew();
            var rules = RuleSet.Load(rulesFolder, root.FullName);
            load.Stop();
            if (rules.HasErrors || rules.Rules.Count != ruleCount)
            {
                Console.Error.WriteLine(string.Join("\n", rules.Diagnostics.Take(5)));
                return 1;
            }
            Console.WriteLine($"diag: {ruleCount} rules loaded in {load.Elapsed.TotalMilliseconds:0} ms (cold, not included below)");
            Console.WriteLine("| lines with a literal, path | log MB | facts or matches | first run s (of which JIT time, methods compiled) | median of runs 2.. s | MB/s (median) | CPU s (median, both cores) | GC pause s (median) | allocated MB | peak managed MB |");
            Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
            var failed = false;
            foreach (var perMille in rates)
            {
                failed |= !Measure(root.FullName, rules, literals, lines, perMille, runs);
            }

            return failed ? 1 : 0;
        }
        finally
        {
            root.Delete(recursive: true);
        }
    }

    private static bool Measure(string root, RuleSet rules, string[] literals, int lines, int perMille, int runs)
    {
        var bundleFolder = Path.Combine(root, $"bundle-{perMille}");
        var (bytes, hitLines, matches) = DiagCorpus.WriteBundle(bundleFolder, literals, lines, perMille);
        var rate = $"{perMille / 10.0:0.#} %";
        // The whole path first, so its first run in a process is as cold as a kb diagnose after loading its
        // rules; then the facts layer alone, so the table shows what the rules add on top of reading.
        return Time($"{rate}, open + scan + match + join + fire", bytes, matches, runs, () =>
               {
                   using var bundle = Bundle.Open(bundleFolder);
                   return rules.Run(bundle).Fired.Count;
               })
               && Time($"{rate}, open + scan only", bytes, hitLines, runs, () =>
               {
                   using var bundle = Bundle.Open(bundleFolder);
                   return bundle.Scan(rules.ScanPlan).OfType<LogFact>().Count();
               });
    }

    private static bool Time(string label, long bytes, long expected, int runs, Func<int> work)
    {
        var times = new List<double>();
        var cpu = new List<double>();
        var pauses = new List<double>();
        var allocated = new List<double>();
        var jit = new List<double>();
        var methods = new List<long>();
        long peak = 0;
        for (var run = 0; run < runs; run++)
        {
            GC.Collect();
            var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
            var pauseBefore = GC.GetTotalPauseDuration();
            var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
            var jitBefore = System.Runtime.JitInfo.GetCompilationTime();
            var methodsBefore = System.Runtime.JitInfo.GetCompiledMethodCount();
            var clock = Stopwatch.StartNew();
            var count = work();
            clock.Stop();
            jit.Add((System.Runtime.JitInfo.GetCompilationTime() - jitBefore).TotalSeconds);
            methods.Add(System.Runtime.JitInfo.GetCompiledMethodCount() - methodsBefore);
            cpu.Add((Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalSeconds);
            pauses.Add((GC.GetTotalPauseDuration() - pauseBefore).TotalSeconds);
            allocated.Add((GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore) / 1e6);
            peak = Math.Max(peak, GC.GetGCMemoryInfo().HeapSizeBytes);
            times.Add(clock.Elapsed.TotalSeconds);
            if (count != expected)
            {
                Console.Error.WriteLine($"diag: {label}: {count} results, {expected} expected");
                return false;
            }
        }
        var median = MedianAfterFirst(times);
        Console.WriteLine($"| {label} | {bytes / 1e6:0.0} | {expected} | {times[0]:0.000} ({jit[0]:0.000} JIT, {methods[0]} methods) | {median:0.000} " +
                          $"({string.Join(" / ", times.Skip(1).Select(t => t.ToString("0.000")))}) | {bytes / 1e6 / median:0} | " +
                          $"{MedianAfterFirst(cpu):0.000} | {MedianAfterFirst(pauses):0.000} | {MedianAfterFirst(allocated):0} | {peak / 1e6:0} |");
        return true;
    }

    private static double MedianAfterFirst(List<double> values)
    {
        var later = values.Skip(1).Order().ToList();
        return later.Count == 0 ? values[0] : later[later.Count / 2];
    }
}
