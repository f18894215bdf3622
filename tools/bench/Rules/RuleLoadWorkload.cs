using System.Diagnostics;
using System.Text;
using KnowledgeEngine.Rules;

namespace KnowledgeEngine.Bench.Rules;

/// <summary>
/// `bench rules-load [N]`: writes N generated rule files (default 1,000) and times loading,
/// validating and compiling them into one network. The generated rules look like real ones:
/// literals and regexes with captures, a join on a capture, evidence, against, fix templates,
/// derive; a tenth of the conditions repeat so shared nodes are exercised.
/// </summary>
public static class RuleLoadWorkload
{
    public static int Run(string[] args)
    {
        // The figure that matters is what kb pays, so the load runs under kb's GC settings unless asked not to.
        var benchGc = args.Contains("--bench-gc");
        if (!benchGc && KbGcSettings.HasBenchBudget)
        {
            return KbGcSettings.Rerun(new[] { "rules-load" }.Concat(args));
        }

        args = args.Where(a => a != "--bench-gc").ToArray();
        var count = 1000;
        if (args.Length > 0 && !int.TryParse(args[0], out count))
        {
            Console.Error.WriteLine($"'{args[0]}' is not a rule count; write e.g. bench rules-load 1000");
            return 2;
        }

        // A second number sets how many loads run (default 5); 1 gives the peak memory of one cold load,
        // which is what a kb process pays (the later loads run while the previous rule set is still held).
        var loads = 5;
        if (args.Length > 1 && (!int.TryParse(args[1], out loads) || loads < 1))
        {
            Console.Error.WriteLine($"'{args[1]}' is not a number of loads; write e.g. bench rules-load 5000 1");
            return 2;
        }

        var folder = Directory.CreateTempSubdirectory("kb-bench-rules-");
        try
        {
            for (var i = 0; i < count; i++)
            {
                File.WriteAllText(Path.Combine(folder.FullName, $"rule{i:D4}.yaml"), Generate(i));
            }

            // The first load pays for JIT and regex construction, which a CLI run pays every time.
            var times = new List<double>();
            var pauses = new List<double>();
            RuleSet? rules = null;
            for (var run = 0; run < loads; run++)
            {
                var pause = GC.GetTotalPauseDuration();
                var watch = Stopwatch.StartNew();
                rules = RuleSet.Load(folder.FullName, folder.FullName);
                // The network is built on first use since issue 17; reading its summary builds it, so the
                // figure stays load + validate + compile + network as before.
                _ = rules.NetworkSummary.Count;
                watch.Stop();
                times.Add(watch.Elapsed.TotalMilliseconds);
                pauses.Add((GC.GetTotalPauseDuration() - pause).TotalMilliseconds);
                if (rules.HasErrors)
                {
                    Console.Error.WriteLine(string.Join("\n", rules.Diagnostics.Take(5)));
                    return 1;
                }
            }

            var summary = string.Join(", ", rules!.NetworkSummary.OrderBy(n => n.Key).Select(n => $"{n.Key} {n.Value}"));
            var later = times.Count > 1 ? $", then {string.Join(" / ", times.Skip(1).Select(t => $"{t:0}"))} ms" : "";
            Console.WriteLine($"rules-load: {rules.Rules.Count} rules, first load {times[0]:0} ms{later}");
            Console.WriteLine($"GC pauses: {string.Join(" / ", pauses.Select(p => $"{p:0}"))} ms; collections gen0/1/2 over all loads: " +
                              $"{GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)}");
            Console.WriteLine($"network: {summary}");
            // VmHWM, the figure `/usr/bin/time -f %M` prints; read here so that a run needs no wrapper.
            var peak = Process.GetCurrentProcess().PeakWorkingSet64;
            Console.WriteLine($"peak RSS: {peak / 1_000_000.0:0.0} MB ({peak / 1048576.0:0.0} MiB), " +
                              (KbGcSettings.HasBenchBudget ? "the bench's GC settings (gen0 budget 256 MB)" : "kb's GC settings"));
            return times[0] < 1000 ? 0 : 1;
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static string Generate(int i)
    {
        var shared = i % 10; // one in ten rules reuses a common literal, as rules of one platform do
        var text = new StringBuilder();
        text.AppendLine($"id: bench/rule-{i}");
        text.AppendLine($"title: Generated scenario {i}");
        text.AppendLine("platform: bench");
        text.AppendLine("severity: high");
        text.AppendLine("when:");
        text.AppendLine($"  - log: {{ source: '**/service{shared}*.log', contains: 'failure {(i % 10 == 0 ? "common" : i.ToString())}', regex: 'node (?<node>[a-z0-9-]+) code (?<code>\\d+)', level: error }}");
        text.AppendLine("    as: failure");
        text.AppendLine($"  - resource: {{ kind: host, where: 'name == failure.node and status != \"online\" and cpu_count > {i % 64}' }}");
        text.AppendLine("    as: host");
        text.AppendLine("evidence:");
        text.AppendLine($"  - config: {{ file: '**/host.conf', key: port, where: 'value == failure.code' }}");
        text.AppendLine("    weight: 0.3");
        text.AppendLine("    collect: cat /etc/yunion/host.conf");
        text.AppendLine("against:");
        text.AppendLine($"  - log: {{ contains: 'recovered {i}', where: 'time > bundle.collected_at - 3m' }}");
        text.AppendLine("    weight: 0.5");
        text.AppendLine("cause: { summary: Generated cause, confidence: 0.6 }");
        text.AppendLine("fix:");
        text.AppendLine("  - 'restart {{ host.name }} after code {{ failure.code }}'");
        text.AppendLine($"derive: {{ fact: bench_fact_{i}, node: '{{{{ failure.node }}}}' }}");
        return text.ToString();
    }
}
