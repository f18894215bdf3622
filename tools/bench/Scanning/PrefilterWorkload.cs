using System.Diagnostics;
using KnowledgeEngine.Facts.Scanning;
using KnowledgeEngine.Rules;

namespace KnowledgeEngine.Bench.Scanning;

/// <summary>
/// `bench prefilter RULES KB_PATH LOG [MB] [--platform P]`: the literal search the scanner runs on one file, taken apart.
/// Loads the rules, takes the scan plan's literals for a file collected at KB_PATH (e.g.
/// logs/default-host-big01/host.log) in a bundle of platform P (of none by default, which reads every platform's
/// patterns), reads the first MB of LOG into memory and times, for the whole plan
/// and for each length band on its own, a pass of <see cref="Prefilter.Next"/> over the text (best of 3).
/// The bands are the prefilter's tiers: what each costs says where a faster search would pay.
/// </summary>
public static class PrefilterWorkload
{
    private static readonly (int Min, int Max)[] Bands = [(7, int.MaxValue), (11, int.MaxValue), (7, 10), (3, 6), (1, 2), (16, int.MaxValue), (11, 15), (24, int.MaxValue)];

    public static int Run(string[] args)
    {
        var at = Array.IndexOf(args, "--platform");
        string? platform = null;
        if (at >= 0)
        {
            platform = at + 1 < args.Length ? args[at + 1] : null;
            args = [.. args[..at], .. args[Math.Min(at + 2, args.Length)..]];
        }

        if (args.Length < 3 || (at >= 0 && platform is null))
        {
            Console.Error.WriteLine("usage: bench prefilter <rules dir> <path as collected> <log file> [MB] [--platform P]");
            return 2;
        }

        var megabytes = args.Length > 3 && int.TryParse(args[3], out var mb) ? mb : 100;
        var rules = RuleSet.Load(args[0], Path.GetDirectoryName(Path.GetFullPath(args[0]))!);
        var literals = rules.ScanPlan.For(args[1], rules.ScanPlan.PlatformOf(platform)).Literals;
        var text = Read(args[2], megabytes * 1_000_000);
        Console.WriteLine($"{literals.Length} literals ({platform ?? "no platform"}), {text.Length / 1e6:F0} M characters of {args[2]}");
        Console.WriteLine("| literals | count | hits | ms (best of 3) |");
        Console.WriteLine("|---|---|---|---|");
        Time("all", literals, text);
        foreach (var (min, max) in Bands)
        {
            var band = literals.Where(l => l.Length >= min && l.Length <= max).ToArray();
            if (band.Length > 0)
            {
                Time(max == int.MaxValue ? $"{min}+ chars" : $"{min}-{max} chars", band, text);
            }
        }

        return 0;
    }

    private static void Time(string label, IReadOnlyList<string> literals, string text)
    {
        var prefilter = new Prefilter(literals);
        var best = double.MaxValue;
        var hits = 0;
        for (var run = 0; run < 3; run++)
        {
            var watch = Stopwatch.StartNew();
            hits = 0;
            var cursor = prefilter.NewCursor();
            var at = prefilter.Next(text, 0, cursor);
            while (at >= 0)
            {
                hits++;
                at = prefilter.Next(text, at + 1, cursor);
            }

            best = Math.Min(best, watch.Elapsed.TotalMilliseconds);
        }

        Console.WriteLine($"| {label} | {literals.Count} | {hits} | {best:F0} |");
    }

    private static string Read(string path, int characters)
    {
        using var reader = new StreamReader(path);
        var buffer = new char[characters];
        var read = reader.ReadBlock(buffer, 0, characters);
        return new string(buffer, 0, read);
    }
}
