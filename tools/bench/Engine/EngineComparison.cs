using System.Diagnostics;
using KnowledgeEngine.NRules;
using KnowledgeEngine.Rete;

namespace KnowledgeEngine.Bench.Engine;

/// <summary>
/// `bench engines [facts] [--runs R] [--only W]`: the engine workloads on our engine and on the NRules back end
/// (docs/engines.md) in one process, runs alternated, each after a warm-up of its shape on the same engine. Prints
/// per workload and engine the median and the range of the measured phase, and ours ÷ NRules.
/// </summary>
public static class EngineComparison
{
    private sealed record Engine(string Name, Func<IEnumerable<RuleDefinition>, ISessionFactory> Compile);

    private sealed record Workload(string Name, string Measured, Func<Engine, int, TimeSpan> Run);

    private static readonly Engine[] Engines =
    [
        new("ours", RuleCompiler.Compile),
        new("NRules", NRulesCompiler.Compile),
    ];

    private static readonly Workload[] All =
    [
        new("join-sel", "insert + fire", (e, n) => InsertFire(e, Workloads.JoinSelective(), n)),
        new("join-key", "insert + fire", (e, n) => InsertFire(e, Workloads.JoinKeyOnly(), n)),
        new("chain", "insert + fire + retract", Chain),
        new("incremental", "insert 1k + fire + retract 1k", Incremental),
        new("build", "compile 200 rules", (e, _) => Time(() => e.Compile(Workloads.JoinSelective()))),
    ];

    public static int Run(string[] args)
    {
        var facts = 100_000;
        var runs = 3;
        string? only = null;
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--runs" && i + 1 < args.Length && int.TryParse(args[++i], out var r) && r > 0)
            {
                runs = r;
            }
            else if (args[i] == "--only" && i + 1 < args.Length)
            {
                only = args[++i];
            }
            else if (!int.TryParse(args[i].Replace("k", "000"), out facts))
            {
                Console.Error.WriteLine($"'{args[i]}' is not a fact count; write e.g. bench engines 100k --runs 3 --only join-sel");
                return 2;
            }
        }

        var workloads = All.Where(w => only is null || w.Name == only).ToArray();
        if (workloads.Length == 0)
        {
            Console.Error.WriteLine($"unknown workload '{only}'; expected {string.Join(", ", All.Select(w => w.Name))}");
            return 2;
        }

        Console.WriteLine(MachineLine.Describe());
        Console.WriteLine($"{facts:N0} facts, {runs} runs each, the engines alternated");
        Console.WriteLine("| workload | measured | ours, median (range) | NRules, median (range) | ours ÷ NRules |");
        Console.WriteLine("|---|---|---|---|---|");
        foreach (var workload in workloads)
        {
            var times = Engines.ToDictionary(e => e.Name, _ => new List<double>());
            foreach (var engine in Engines)
            {
                workload.Run(engine, 3_000); // warm-up: the JIT compiles this shape on this engine
            }

            for (var run = 0; run < runs; run++)
            {
                foreach (var engine in Engines)
                {
                    times[engine.Name].Add(workload.Run(engine, facts).TotalMilliseconds);
                }
            }

            var (ours, nrules) = (Median(times["ours"]), Median(times["NRules"]));
            Console.WriteLine($"| {workload.Name} | {workload.Measured} | {Cell(times["ours"])} | {Cell(times["NRules"])} | {ours / nrules:0.000} |");
        }

        return 0;
    }

    private static TimeSpan InsertFire(Engine engine, RuleDefinition[] rules, int facts)
    {
        var session = engine.Compile(rules).CreateSession();
        var all = Workloads.Facts(facts);
        return Time(() =>
        {
            session.InsertAll(all);
            session.Fire();
        });
    }

    private static TimeSpan Chain(Engine engine, int facts)
    {
        var session = engine.Compile(Workloads.Chain()).CreateSession();
        var all = Workloads.Facts(facts);
        var a = all.OfType<FactA>().Cast<object>().ToArray();
        return Time(() =>
        {
            session.InsertAll(all);
            session.Fire();
            session.RetractAll(a);
        });
    }

    private static TimeSpan Incremental(Engine engine, int facts)
    {
        var session = engine.Compile(Workloads.JoinSelective()).CreateSession();
        session.InsertAll(Workloads.Facts(facts));
        session.Fire();
        var extra = Workloads.Facts(1_000, keyOffset: facts);
        return Time(() =>
        {
            session.InsertAll(extra);
            session.Fire();
            session.RetractAll(extra);
        });
    }

    private static TimeSpan Time(Action action)
    {
        var watch = Stopwatch.StartNew();
        action();
        return watch.Elapsed;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }

    private static string Cell(List<double> values) => $"{Format(Median(values))} ({Format(values.Min())}–{Format(values.Max())})";

    private static string Format(double ms) => ms >= 10_000 ? $"{ms / 1000:0.0} s" : $"{ms:0.0} ms";
}
