using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace KnowledgeEngine.Rete.Text;

/// <summary>
/// Finds any of many literals in text, with a cost per character that does not grow with the number of
/// literals. <c>SearchValues&lt;string&gt;</c> leaves its vectorised path past a few dozen strings and falls back to
/// Aho-Corasick, which made 500 literals 6.6× slower than 20.
/// <para>
/// The idea: every literal is at least <see cref="Stride"/> + <see cref="Window"/> − 1 characters long, so an
/// occurrence covers <see cref="Stride"/> consecutive window starts, one of which falls on a multiple of
/// <see cref="Stride"/>. Each literal registers the windows (<see cref="Window"/> characters packed into one
/// <c>ulong</c>) at <see cref="Stride"/> consecutive offsets, choosing the run of offsets least likely to occur in
/// ordinary log text. The search reads one window every <see cref="Stride"/> characters, tests a hash of it
/// against a bit set (one load), and only on a hit looks up the exact window and compares the candidate literals.
/// Results are exact: the bit set and the window table only decide where to compare.
/// </para>
/// </summary>
public sealed class LiteralSearcher
{
    private const int FilterBits = 19;

    private readonly string[] _literals;
    private readonly int[] _runs;
    private readonly ulong[] _filter = new ulong[(1 << FilterBits) / 64];

    // A window of ordinary words ("stor", "uest") keys some literal and occurs all over a log, so the first
    // filter alone sent a lookup and a comparison to most of its occurrences: on a generated 1 GB Cloudpods host
    // log, IndexOfAny's own time (the lookups) was a third of the search. The second filter holds the window
    // together with the four characters after it; a window whose literal ends before those four is marked in the
    // third, and skips the second test.
    private readonly ulong[] _pairFilter = new ulong[(1 << FilterBits) / 64];
    private readonly ulong[] _tailless = new ulong[(1 << FilterBits) / 64];
    private readonly Dictionary<ulong, Candidate[]> _candidates = [];
    private readonly ulong _mask;

    /// <summary>A literal registered under a window, and where in the literal that window starts.</summary>
    private readonly record struct Candidate(int Literal, int Offset);

    /// <summary>A searcher for the given literals (at least one, none empty), numbered by their position in the list.</summary>
    /// <exception cref="ArgumentException">The list is empty or holds an empty literal.</exception>
    public LiteralSearcher(IReadOnlyList<string> literals)
    {
        if (literals.Count == 0 || literals.Any(string.IsNullOrEmpty))
        {
            throw new ArgumentException("the searcher needs at least one literal and no empty one", nameof(literals));
        }

        _literals = literals.ToArray();
        _runs = new int[_literals.Length];
        var shortest = _literals.Min(l => l.Length);
        Window = Math.Min(4, shortest);
        // Longer strides read fewer windows but register more per literal; 8 keeps the table small.
        Stride = Math.Min(8, shortest - Window + 1);
        _mask = Window == 4 ? ulong.MaxValue : (1UL << (16 * Window)) - 1;
        var table = new Dictionary<ulong, List<Candidate>>();
        for (var index = 0; index < _literals.Length; index++)
        {
            var literal = _literals[index];
            var run = _runs[index] = RarestRun(literal);
            Reach = Math.Max(Reach, run + Stride - 1);
            for (var offset = run; offset < run + Stride; offset++)
            {
                var key = Pack(literal.AsSpan(offset, Window));
                if (!table.TryGetValue(key, out var list))
                {
                    table[key] = list = [];
                }

                list.Add(new Candidate(index, offset));
                var bit = Hash(key);
                _filter[bit >> 6] |= 1UL << (int)bit;
                if (Window == 4 && offset + 8 <= literal.Length)
                {
                    var pair = PairHash(key, Pack(literal.AsSpan(offset + 4, 4)));
                    _pairFilter[pair >> 6] |= 1UL << (int)pair;
                }
                else
                {
                    _tailless[bit >> 6] |= 1UL << (int)bit;
                }
            }
        }
        foreach (var (key, list) in table)
        {
            _candidates[key] = list.ToArray();
        }
    }

    /// <summary>Characters per window (at most 4, so a window fits one <c>ulong</c>).</summary>
    internal int Window { get; }

    /// <summary>Distance between the windows the search reads.</summary>
    internal int Stride { get; }

    /// <summary>How far past its start an occurrence can be detected: the latest registered offset.</summary>
    private int Reach { get; }

    /// <summary>The first of the offsets whose windows key <paramref name="literal"/>.</summary>
    internal int KeyOffset(int literal) => _runs[literal];

    /// <summary>The start of the earliest occurrence of any literal, or −1.</summary>
    public int IndexOfAny(ReadOnlySpan<char> text)
    {
        var best = -1;
        var limit = text.Length - Window;
        for (var at = NextHit(text, 0, limit, out var key); at >= 0; at = NextHit(text, at + Stride, limit, out key))
        {
            foreach (var candidate in _candidates.GetValueOrDefault(key, []))
            {
                var start = at - candidate.Offset;
                if ((best < 0 || start < best) && Matches(text, start, candidate.Literal))
                {
                    best = start;
                }
            }
            // An occurrence starting before best is detected at most Reach characters after its start.
            if (best >= 0)
            {
                limit = Math.Min(limit, best + Reach - 1);
            }
        }
        return best;
    }

    /// <summary>Adds to <paramref name="found"/> each literal that occurs in <paramref name="text"/>, once, in the order first detected.</summary>
    public void FindAll(ReadOnlySpan<char> text, List<int> found)
    {
        var limit = text.Length - Window;
        for (var at = NextHit(text, 0, limit, out var key); at >= 0; at = NextHit(text, at + Stride, limit, out key))
        {
            foreach (var candidate in _candidates.GetValueOrDefault(key, []))
            {
                if (!found.Contains(candidate.Literal) && Matches(text, at - candidate.Offset, candidate.Literal))
                {
                    found.Add(candidate.Literal);
                }
            }
        }
    }

    /// <summary>
    /// The first window start from <paramref name="at"/> on (in steps of <see cref="Stride"/>, up to
    /// <paramref name="limit"/>) whose hash is in the bit set, or −1. This loop is nearly all of a scan: fields are
    /// read into locals and the bit set is indexed without bounds checks (a hash is below 2^FilterBits, so its word
    /// index is inside the array). Optimised at first call: one call may cover a whole chunk, and tiered
    /// compilation would leave a short scan in unoptimised code for most of its time.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int NextHit(ReadOnlySpan<char> text, int at, int limit, out ulong key)
    {
        ref var chars = ref MemoryMarshal.GetReference(text);
        ref var filter = ref MemoryMarshal.GetArrayDataReference(_filter);
        ref var pairs = ref MemoryMarshal.GetArrayDataReference(_pairFilter);
        ref var tailless = ref MemoryMarshal.GetArrayDataReference(_tailless);
        var mask = _mask;
        var stride = Stride;
        // Whole 8-byte reads while four characters remain; the last windows of the text are packed one by one.
        var wide = Math.Min(limit, text.Length - 4);
        for (; at <= wide; at += stride)
        {
            var window = Unsafe.ReadUnaligned<ulong>(ref Unsafe.As<char, byte>(ref Unsafe.Add(ref chars, at))) & mask;
            var bit = Hash(window);
            if ((Unsafe.Add(ref filter, (nint)(bit >> 6)) & (1UL << (int)bit)) == 0)
            {
                continue;
            }

            // With four more characters in the text and a literal that holds them, the pair must be known too
            // (every window of a searcher with windows shorter than four is marked tailless).
            if (at + 8 <= text.Length && (Unsafe.Add(ref tailless, (nint)(bit >> 6)) & (1UL << (int)bit)) == 0)
            {
                var next = Unsafe.ReadUnaligned<ulong>(ref Unsafe.As<char, byte>(ref Unsafe.Add(ref chars, at + 4)));
                var pair = PairHash(window, next);
                if ((Unsafe.Add(ref pairs, (nint)(pair >> 6)) & (1UL << (int)pair)) == 0)
                {
                    continue;
                }
            }

            key = window;
            return at;
        }
        for (; at <= limit; at += stride)
        {
            var window = Pack(text.Slice(at, Window));
            var bit = Hash(window);
            if ((_filter[bit >> 6] & (1UL << (int)bit)) != 0)
            {
                key = window;
                return at;
            }
        }
        key = 0;
        return -1;
    }

    private bool Matches(ReadOnlySpan<char> text, int start, int literal)
    {
        var value = _literals[literal];
        return start >= 0 && start + value.Length <= text.Length && text.Slice(start, value.Length).SequenceEqual(value);
    }

    private static ulong Hash(ulong key) => (key * 0x9E3779B97F4A7C15UL) >> (64 - FilterBits);

    private static ulong PairHash(ulong first, ulong second) => ((first * 0x9E3779B97F4A7C15UL) ^ (second * 0xC2B2AE3D27D4EB4FUL)) >> (64 - FilterBits);

    /// <summary>Up to four characters as one number, first character in the low bits (as they lie in memory).</summary>
    private static ulong Pack(ReadOnlySpan<char> window)
    {
        ulong key = 0;
        for (var i = window.Length - 1; i >= 0; i--)
        {
            key = (key << 16) | window[i];
        }

        return key;
    }

    /// <summary>The first offset of the <see cref="Stride"/> consecutive windows least likely to occur in log text.</summary>
    private int RarestRun(string literal)
    {
        var windows = literal.Length - Window + 1;
        var likelihood = new double[windows];
        for (var offset = 0; offset < windows; offset++)
        {
            likelihood[offset] = CharFrequency.Of(literal.AsSpan(offset, Window));
        }

        var best = 0;
        var bestSum = double.MaxValue;
        for (var run = 0; run + Stride <= windows; run++)
        {
            var sum = 0.0;
            for (var i = run; i < run + Stride; i++)
            {
                sum += likelihood[i];
            }

            if (sum < bestSum)
            {
                bestSum = sum;
                best = run;
            }
        }
        return best;
    }
}
