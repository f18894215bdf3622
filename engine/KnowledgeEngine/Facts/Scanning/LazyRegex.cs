using System.Collections.Concurrent;
using System.Text.RegularExpressions;

namespace KnowledgeEngine.Facts;

/// <summary>
/// A regex of the rules, one per pattern text for the whole process: the scanner and every condition
/// with that pattern hold the same object (identical conditions in different rules are recognised as
/// shareable by it). A line is matched first by the backtracking interpreter, which costs microseconds to
/// build, under a short time limit; when it gives up on a line, or once it has answered
/// <see cref="FirstTryCalls"/> lines, the linear-time matcher is built, and that pattern then uses it for good.
/// The answer does not depend on which engine gave it (nor on machine load), only the cost does.
/// </summary>
/// <remarks>
/// A linear-time matcher costs 5–10 ms and several MB to build. Building them on first use was still
/// half of the README example's diagnosis (a trace of kb diagnose: 53 % of the run in Regex constructors
/// for the non-backtracking engine), because most regexes whose literal occurs in a bundle get tried on
/// some line. V8 takes the same route (a backtracking engine first, the linear one on excessive
/// backtracking).
/// </remarks>
internal sealed class LazyRegex
{
    /// <summary>Only for the backtracking fallback, which can explode on crafted input. A non-backtracking
    /// matcher runs in linear time, so it gets no timeout: a wall-clock limit would make matching depend on
    /// machine load.</summary>
    public static readonly TimeSpan MatchTimeout = TimeSpan.FromSeconds(1);

    /// <summary>How long the interpreter may try one line before the linear-time matcher takes over. Real log
    /// lines take microseconds; only a pattern with nested repetition meeting a line built to defeat it gets here.</summary>
    internal static readonly TimeSpan FirstTryTimeout = TimeSpan.FromMilliseconds(20);

    /// <summary>How many lines the interpreter answers before the linear-time matcher takes over for good. The
    /// interpreter under a time limit reads the clock at every step: on a crash-loop log (100,000 repeats of a
    /// 409 line that a dozen patterns are tried on) it was 1.8 s of the 2.6 s run. Building the matcher costs what
    /// a few thousand interpreted lines cost, so a pattern tried this often pays for it.</summary>
    internal const int FirstTryCalls = 4096;

    private static readonly ConcurrentDictionary<string, LazyRegex> Cache = new(StringComparer.Ordinal);
    /// <summary>The pattern as matched, once rewritten (<see cref="Matched"/>).</summary>
    private string? _widened;
    /// <summary>The interpreter, built on first use (<see cref="FirstTry"/>).</summary>
    private Regex? _firstTry;
    private IReadOnlyList<string>? _groupNames;
    private readonly Lazy<Regex> _matcher;
    private volatile bool _firstTryGaveUp;

    private LazyRegex? _twin;

    // Counted without synchronisation: two scan workers may both count a call once, which only moves the switch.
    private int _firstTries;

    /// <summary>Wraps a matcher built elsewhere (tests give one with their own timeout); it answers every line.</summary>
    internal LazyRegex(Regex matcher)
    {
        Pattern = matcher.ToString();
        _widened = Pattern;
        _groupNames = matcher.GetGroupNames();
        _firstTry = matcher;
        _matcher = new Lazy<Regex>(matcher);
        _firstTryGaveUp = true;
    }

    private LazyRegex(string pattern)
    {
        Pattern = pattern;
        _matcher = new Lazy<Regex>(() => Build(Matched));
    }

    public string Pattern { get; }

    /// <summary>The pattern as matched: it also takes masked addresses where a capture expects one (MaskedValues).
    /// Rewritten on first use, since a scan plan holds every loaded rule's regex and a diagnosis tries a few of them
    /// (rewriting the built-in rules' 269 at load was a tenth of a snapshot load).</summary>
    private string Matched => _widened ??= MaskedValues.Widen(Pattern);

    /// <summary>Numbered and named groups, as <see cref="Regex.GetGroupNames"/> gives them.</summary>
    public IReadOnlyList<string> GroupNames => _groupNames ??= FirstTry.GetGroupNames();

    /// <summary>The interpreter, built on first use: its constructor parses (which reports syntax errors and gives
    /// the group names) and writes the interpreter's code, 30 ms for the built-in rules' regexes in the published kb,
    /// most of which a diagnosis never runs. Two threads may both build it; either result serves.</summary>
    private Regex FirstTry
    {
        get
        {
            if (_firstTry is { } built)
            {
                return built;
            }

            Interlocked.CompareExchange(ref _firstTry, new Regex(Matched, RegexOptions.CultureInvariant, FirstTryTimeout), null);
            return _firstTry;
        }
    }

    /// <summary>Parses the pattern now; throws <see cref="RegexParseException"/> for a bad one, at its offset in
    /// the pattern as written.</summary>
    private LazyRegex Parsed()
    {
        // Known group names mean the pattern was parsed: given as a Regex, read from FirstTry, or primed from a
        // snapshot that this code wrote after parsing it.
        if (_groupNames is not null)
        {
            return this;
        }

        if (_firstTry is null && !ReferenceEquals(Matched, Pattern))
        {
            _ = new Regex(Pattern, RegexOptions.CultureInvariant, FirstTryTimeout);
        }

        _ = FirstTry;
        return this;
    }

    /// <summary>The matcher that answers when the first try gives up: non-backtracking (no timeout) where the
    /// pattern allows, backtracking with <see cref="MatchTimeout"/> for backreferences and lookarounds. Built on first use.</summary>
    public Regex Matcher => _matcher.Value;

    internal bool IsBuilt => _matcher.IsValueCreated;

    /// <summary>The regex for a pattern; throws <see cref="RegexParseException"/> for a bad one.</summary>
    public static LazyRegex Get(string pattern) => Checked(pattern).Parsed();

    /// <summary>Records a pattern's group names found when it was parsed before (a rule snapshot, which this code wrote
    /// after parsing it): <see cref="Get"/> then does not parse it to check it, and the compiled rule reads the names
    /// without building the regex (parsing the README example's 30 rules' regexes was a third of compiling them).</summary>
    internal static void Prime(string pattern, IReadOnlyList<string> groupNames) => Checked(pattern)._groupNames ??= groupNames;

    /// <summary>The regex for a pattern already known to parse (a loaded rule's), not parsed until it first matches.</summary>
    internal static LazyRegex Checked(string pattern) => Cache.GetOrAdd(pattern, static p => new LazyRegex(p));

    /// <summary>Whether the text holds a match. A line that makes even the final matcher run past
    /// <see cref="MatchTimeout"/> counts as not matching, so one bad line cannot stop a diagnosis.</summary>
    public bool IsMatch(ReadOnlySpan<char> text)
    {
        if (!_firstTryGaveUp && FirstTryAgain())
        {
            try
            {
                return FirstTry.IsMatch(text);
            }
            catch (RegexMatchTimeoutException)
            {
                _firstTryGaveUp = true;
            }
        }
        try
        {
            return Matcher.IsMatch(text);
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
    }

    /// <summary>The first match in the text, null when there is none (or the final matcher timed out).</summary>
    public Match? Match(string text)
    {
        if (!_firstTryGaveUp && FirstTryAgain())
        {
            try
            {
                var first = FirstTry.Match(text);
                return first.Success ? first : null;
            }
            catch (RegexMatchTimeoutException)
            {
                _firstTryGaveUp = true;
            }
        }
        try
        {
            var found = Matcher.Match(text);
            return found.Success ? found : null;
        }
        catch (RegexMatchTimeoutException)
        {
            return null;
        }
    }

    public override string ToString() => Pattern;

    /// <summary>
    /// The same pattern in objects of its own, for a second thread matching at the same time. A Regex keeps one cached
    /// runner: two threads matching one Regex in a tight loop keep taking it from each other and building a new runner
    /// per call, which made each half of a split crash-loop log slower than the whole had been on one thread.
    /// </summary>
    internal LazyRegex Twin
    {
        get
        {
            if (_twin is { } twin)
            {
                return twin;
            }
            Interlocked.CompareExchange(ref _twin, new LazyRegex(Pattern), null);
            return _twin;
        }
    }

    /// <summary>Whether the interpreter answers this line too; past <see cref="FirstTryCalls"/> it hands over.</summary>
    private bool FirstTryAgain()
    {
        if (++_firstTries <= FirstTryCalls)
        {
            return true;
        }
        _firstTryGaveUp = true;
        return false;
    }

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
