using System.Buffers;
using KnowledgeEngine.Rete.Text;

namespace KnowledgeEngine.Facts.Scanning;

/// <summary>
/// Finds a file plan's literals in text, in tiers by length. <see cref="LiteralSearcher"/> reads one window per
/// stride, and its stride is set by the shortest literal it holds: one 2-character literal among 400 made it read
/// every character. Measured on 100 M characters of a Cloudpods host log with the 433 literals of the 144
/// built-in rules (2-core AMD EPYC): all in one searcher 285 ms; the 269 of 11 characters or more 46 ms, the 115
/// of 7–10 characters 36 ms, the 45 of 4–6 and the 4 of 2–3 characters in <c>SearchValues</c> 26 and 24 ms (the 49
/// in one <c>SearchValues</c> 399 ms: mixing 2-character strings in makes it leave its vectorised path).
/// Every tier is a pass of its own over the text, so literals of 7 characters or more share one searcher: its stride
/// of 4 reads twice the windows a stride of 8 would, but one pass of it costs less than two (`bench prefilter`, the
/// 447 literals of a Cloudpods host log's plan, 200 M characters: 214–249 ms against 292–366 ms with a tier for
/// 11+ and one for 7–10; docs/benchmarks.md).
/// </summary>
internal sealed class Prefilter
{
    private readonly Tier[] _tiers;

    public Prefilter(IReadOnlyList<string> literals)
    {
        var tiers = new List<Tier>();
        foreach (var (min, max) in new[] { (7, int.MaxValue) })
        {
            var indices = Indices(literals, min, max);
            if (indices.Length > 0)
            {
                tiers.Add(new SearcherTier(indices, new LiteralSearcher(indices.Select(i => literals[i]).ToArray())));
            }
        }

        foreach (var (min, max) in new[] { (3, 6), (1, 2) })
        {
            var indices = Indices(literals, min, max);
            if (indices.Length > 0)
            {
                tiers.Add(new ValuesTier(indices, indices.Select(i => literals[i]).ToArray()));
            }
        }

        _tiers = tiers.ToArray();
    }

    public int TierCount => _tiers.Length;

    /// <summary>Adds to <paramref name="found"/> each literal (by its index in the plan) that occurs in the record, once.
    /// <paramref name="scratch"/> is the caller's: one prefilter serves the parallel scans of many files.</summary>
    public void FindAll(ReadOnlySpan<char> record, List<int> found, List<int> scratch)
    {
        foreach (var tier in _tiers)
        {
            tier.FindAll(record, found, scratch);
        }
    }

    /// <summary>The start of the earliest literal at or after <paramref name="from"/> in <paramref name="region"/>, or −1.
    /// <paramref name="next"/> (one slot per tier, −2 at first) keeps each tier's next hit, so a tier is searched again
    /// only once the scan has passed its hit: every tier reads the region once, however the hits interleave.</summary>
    public int Next(ReadOnlySpan<char> region, int from, int[] next)
    {
        var best = -1;
        for (var t = 0; t < _tiers.Length; t++)
        {
            if (next[t] == -2 || (next[t] >= 0 && next[t] < from))
            {
                var at = from >= region.Length ? -1 : _tiers[t].IndexOf(region[from..]);
                next[t] = at < 0 ? -1 : from + at;
            }

            if (next[t] >= 0 && (best < 0 || next[t] < best))
            {
                best = next[t];
            }
        }

        return best;
    }

    /// <summary>A fresh per-region state for <see cref="Next"/>.</summary>
    public int[] NewCursor()
    {
        var next = new int[_tiers.Length];
        Array.Fill(next, -2);
        return next;
    }

    private static int[] Indices(IReadOnlyList<string> literals, int min, int max) =>
        Enumerable.Range(0, literals.Count).Where(i => literals[i].Length >= min && literals[i].Length <= max).ToArray();

    private abstract class Tier(int[] indices)
    {
        /// <summary>For each literal of the tier, its index in the plan.</summary>
        protected int[] Indices { get; } = indices;

        public abstract int IndexOf(ReadOnlySpan<char> text);

        public abstract void FindAll(ReadOnlySpan<char> record, List<int> found, List<int> scratch);
    }

    private sealed class SearcherTier(int[] indices, LiteralSearcher searcher) : Tier(indices)
    {
        public override int IndexOf(ReadOnlySpan<char> text) => searcher.IndexOfAny(text);

        public override void FindAll(ReadOnlySpan<char> record, List<int> found, List<int> scratch)
        {
            scratch.Clear();
            searcher.FindAll(record, scratch);
            foreach (var local in scratch)
            {
                found.Add(Indices[local]);
            }
        }
    }

    private sealed class ValuesTier(int[] indices, string[] literals) : Tier(indices)
    {
        private readonly SearchValues<string> _values = SearchValues.Create(literals, StringComparison.Ordinal);

        public override int IndexOf(ReadOnlySpan<char> text) => text.IndexOfAny(_values);

        // Most records hold none of the short literals: one vectorised pass says so, where testing each of the ~50
        // literals cost 1.7 µs a record (a trace of a crash-loop log, every record a hit of a longer literal). A record
        // that holds one is a line or a few, and testing each literal from the first hit on is cheaper than finding
        // them all in one pass.
        public override void FindAll(ReadOnlySpan<char> record, List<int> found, List<int> scratch)
        {
            var first = record.IndexOfAny(_values);
            if (first < 0)
            {
                return;
            }

            var rest = record[first..];
            for (var i = 0; i < literals.Length; i++)
            {
                if (rest.Contains(literals[i], StringComparison.Ordinal))
                {
                    found.Add(Indices[i]);
                }
            }
        }
    }
}
