using System.Diagnostics;
using KnowledgeEngine.Rete;

namespace KnowledgeEngine.Bench.Engine;

/// <summary>The plain timing mode: runs one workload once (after a small warm-up of the same
/// shape so the JIT has compiled the engine) and prints each phase.</summary>
public static class PhaseRunner
{
    public static int Run(string workload, int factCount)
    {
        Console.WriteLine($"workload {workload}, {factCount:N0} facts, {Environment.ProcessorCount} cores, .NET {Environment.Version}");
        switch (workload)
        {
            case "join-sel":
                Warm(() => RunJoin(Workloads.JoinSelective(), 3_000, quiet: true));
                RunJoin(Workloads.JoinSelective(), factCount, quiet: false);
                return 0;
            case "join-key":
                Warm(() => RunJoin(Workloads.JoinKeyOnly(), 3_000, quiet: true));
                RunJoin(Workloads.JoinKeyOnly(), factCount, quiet: false);
                return 0;
            case "chain":
                Warm(() => RunChain(3_000, quiet: true));
                RunChain(factCount, quiet: false);
                return 0;
            case "incremental":
                Warm(() => RunIncremental(3_000, quiet: true));
                RunIncremental(factCount, quiet: false);
                return 0;
            case "build":
                Warm(() => RuleCompiler.Compile(Workloads.JoinSelective()));
                Phase("build network (200 rules, cold shapes)", () => RuleCompiler.Compile(Workloads.JoinSelective()), quiet: false);
                return 0;
            default:
                Console.Error.WriteLine($"unknown workload '{workload}'; expected join-sel, join-key, chain, incremental or build");
                return 2;
        }
    }

    private static void RunJoin(RuleDefinition[] rules, int factCount, bool quiet)
    {
        var facts = Workloads.Facts(factCount);
        var baseline = ManagedBytes();
        var factory = Phase("build network", () => RuleCompiler.Compile(rules), quiet);
        var session = factory.CreateSession();
        var (pauseBefore, gcBefore) = (GC.GetTotalPauseDuration(), GC.CollectionCount(0));
        var insert = Time(() => session.InsertAll(facts));
        var fired = 0;
        var fire = Time(() => fired = session.Fire());
        Report(quiet, ("insert", insert), ("fire", fire), ("insert+fire", insert + fire),
            ($"  of which GC pauses ({GC.CollectionCount(0) - gcBefore} collections)", GC.GetTotalPauseDuration() - pauseBefore));
        if (!quiet)
        {
            Console.WriteLine($"  fired {fired:N0} rules; managed memory for network+session+facts {(ManagedBytes() - baseline) / 1048576.0:F1} MB");
            GC.KeepAlive(session);
        }
    }

    private static void RunChain(int factCount, bool quiet)
    {
        var facts = Workloads.Facts(factCount);
        var factory = Phase("build network (600 rules)", () => RuleCompiler.Compile(Workloads.Chain()), quiet);
        var session = factory.CreateSession();
        var insert = Time(() => session.InsertAll(facts));
        var fired = 0;
        var fire = Time(() => fired = session.Fire());
        var retractA = facts.OfType<FactA>().Cast<object>().ToArray();
        var retract = Time(() => session.RetractAll(retractA));
        Report(quiet, ("insert", insert), ("fire (derives 3 levels)", fire), ("retract all A (unwinds chains)", retract));
        if (!quiet)
        {
            Console.WriteLine($"  fired {fired:N0} rules; derived facts left after retract: {session.Query<Level>().Count()}");
        }
    }

    private static void RunIncremental(int factCount, bool quiet)
    {
        var factory = RuleCompiler.Compile(Workloads.JoinSelective());
        var session = factory.CreateSession();
        session.InsertAll(Workloads.Facts(factCount));
        session.Fire();
        var extra = Workloads.Facts(1_000, keyOffset: factCount);
        var fired = 0;
        var insert = Time(() => { session.InsertAll(extra); fired = session.Fire(); });
        var retract = Time(() => session.RetractAll(extra));
        Report(quiet, ("insert 1k + fire", insert), ("retract 1k", retract), ("total", insert + retract));
        if (!quiet)
        {
            Console.WriteLine($"  fired {fired:N0} new matches over a session of {factCount:N0} facts");
        }
    }

    private static T Phase<T>(string name, Func<T> action, bool quiet)
    {
        T result = default!;
        var elapsed = Time(() => result = action());
        Report(quiet, (name, elapsed));
        return result;
    }

    private static TimeSpan Time(Action action)
    {
        var stopwatch = Stopwatch.StartNew();
        action();
        return stopwatch.Elapsed;
    }

    private static void Report(bool quiet, params (string Name, TimeSpan Elapsed)[] phases)
    {
        if (quiet)
        {
            return;
        }

        foreach (var (name, elapsed) in phases)
        {
            Console.WriteLine($"  {name,-36} {elapsed.TotalMilliseconds,10:F1} ms");
        }
    }

    private static void Warm(Action action)
    {
        action();
        GC.Collect();
    }

    private static long ManagedBytes()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        return GC.GetTotalMemory(true);
    }
}
