using BenchmarkDotNet.Running;
using KnowledgeEngine.Bench.Engine;

namespace KnowledgeEngine.Bench;

internal static class Program
{
    private const string Usage =
        "usage: bench <workload> <facts>   phase timings (join-sel, join-key, chain, incremental, build)\n" +
        "       bench scan <MB>... [--dir D]   log scan vs grep and ripgrep on generated logs\n" +
        "       bench diag [lines] [--rules N] [--runs R] [--per-mille P]   end to end: open a generated bundle, scan, join, fire\n" +
        "       bench crashloop [--repeats N] [--full-body] [--kb DIR] [--runs R] [--keep DIR]   the published kb on a Cloudpods crash-loop bundle\n" +
        "       bench prefilter <rules dir> <path as collected> <log file> [MB] [--platform P]   the scanner's literal search on one file, per length band\n" +
        "       bench rules-load <rules> [loads] [--bench-gc]   load, validate and compile generated YAML rules (5 loads by default), under kb's GC settings unless --bench-gc\n" +
        "       bench engines [facts] [--runs R] [--only W]   the engine workloads on our engine and the NRules back end, side by side\n" +
        "       bench bdn [BenchmarkDotNet args]   micro-benchmarks, e.g. bench bdn --filter '*JoinKey*'";

    public static int Main(string[] args)
    {
        if (args.Length == 0)
        {
            Console.Error.WriteLine(Usage);
            return 2;
        }

        if (args[0] == "engines")
        {
            return EngineComparison.Run(args[1..]);
        }

        if (args[0] == "rules-load")
        {
            return Rules.RuleLoadWorkload.Run(args[1..]);
        }

        if (args[0] == "prefilter")
        {
            return Scanning.PrefilterWorkload.Run(args[1..]);
        }

        if (args[0] == "crashloop")
        {
            return CrashLoop.CrashLoopWorkload.Run(args[1..]);
        }

        if (args[0] == "diag")
        {
            return DiagWorkload.Run(args[1..]);
        }

        if (args[0] == "scan")
        {
            return Scanning.ScanWorkload.Run(args[1..]);
        }

        if (args[0] == "bdn")
        {
            BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args[1..]);
            return 0;
        }

        var facts = 100_000;
        if (args.Length > 1 && !int.TryParse(args[1].Replace("_", "").Replace("k", "000"), out facts))
        {
            Console.Error.WriteLine($"'{args[1]}' is not a fact count; write e.g. 100000 or 100k.\n{Usage}");
            return 2;
        }

        return PhaseRunner.Run(args[0], facts);
    }
}
