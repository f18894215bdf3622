using System.Collections.Concurrent;
using System.Text.RegularExpressions;

namespace KnowledgeEngine.Facts;

/// <summary>
/// A regex of the rules, one per pattern text for the whole process: the scanner and every condition
/// with that pattern hold the same object (identical conditions in different rules are recognised as
/// shareable by it). Loading only parses the pattern, which reports syntax errors and gives the group
/// names; the matcher is built on first use. A linear-time matcher costs 5–10 ms and several MB to build
/// (50 of them were most of kb's start-up), and most of a knowledge base's regexes never meet a line of
/// a given bundle, because their literal or file is not there.
/// </summary>
internal sealed class LazyRegex
{
    /// <summary>Only for the backtracking fallback, which can explode on crafted input. A non-backtracking
    /// matcher runs in linear time, so it gets no timeout: a wall-clock limit would make matching depend on
    /// machine load.</summary>
    public static readonly TimeSpan MatchTimeout = TimeSpan.FromSeconds(1);

    private static readonly ConcurrentDictionary<string, LazyRegex> Cache = new(StringComparer.Ordinal);
    private readonly Lazy<Regex> _matcher;

    /// <summary>Wraps a matcher built elsewhere (tests give one with their own timeout).</summary>
    internal LazyRegex(Regex matcher)
    {
        Pattern = matcher.ToString();
        GroupNames = matcher.GetGroupNames();
        _matcher = new Lazy<Regex>(matcher);
    }

    private LazyRegex(string pattern)
    {
        // The interpreter's constructor parses without building an automaton; both engines share the parser.
        // Errors are reported on the pattern as written; the one matched also takes masked addresses.
        var parsed = new Regex(pattern, RegexOptions.CultureInvariant);
        var matched = MaskedValues.Widen(pattern);
        Pattern = pattern;
        GroupNames = (ReferenceEquals(matched, pattern) ? parsed : new Regex(matched, RegexOptions.CultureInvariant)).GetGroupNames();
        _matcher = new Lazy<Regex>(() => Build(matched));
    }

    public string Pattern { get; }

    /// <summary>Numbered and named groups, as <see cref="Regex.GetGroupNames"/> gives them.</summary>
    public IReadOnlyList<string> GroupNames { get; }

    /// <summary>The matcher, built on first use: non-backtracking (no timeout) where the pattern allows,
    /// backtracking with <see cref="MatchTimeout"/> for backreferences and lookarounds.</summary>
    public Regex Matcher => _matcher.Value;

    internal bool IsBuilt => _matcher.IsValueCreated;

    /// <summary>The regex for a pattern; throws <see cref="RegexParseException"/> for a bad one.</summary>
    public static LazyRegex Get(string pattern) => Cache.GetOrAdd(pattern, static p => new LazyRegex(p));

    public override string ToString() => Pattern;

    /// <summary>Whether the pattern holds a construct (backreference, lookaround, atomic group) the
    /// non-backtracking engine refuses, so that it runs under <see cref="MatchTimeout"/> and a long or
    /// hostile line can make it give up.</summary>
    public bool NeedsBacktracking => _matcher.Value.Options.HasFlag(RegexOptions.NonBacktracking) is false;

    private static Regex Build(string pattern)
    {
        try
        {
            return new Regex(pattern, RegexOptions.CultureInvariant | RegexOptions.NonBacktracking, Regex.InfiniteMatchTimeout);
        }
        catch (NotSupportedException)
        {
            return new Regex(pattern, RegexOptions.CultureInvariant, MatchTimeout);
        }
    }
}
