namespace KnowledgeEngine.Facts;

/// <summary>
/// What the scanner looks for. Built once from the rules; immutable and shared by the parallel file scans.
/// Only records that contain a pattern become log facts; <see cref="KeepAll"/> keeps every record.
/// </summary>
public sealed class ScanPlan
{
    private static readonly System.Buffers.SearchValues<char> RegexSyntax = System.Buffers.SearchValues.Create(@"\.^$*+?()[]{}|#");

    private readonly LazyRegex?[] _regexes;
    private readonly (string Glob, int[] Patterns)[] _scoped;
    private readonly int[] _everywhere;
    private readonly (string Platform, int[] Patterns)[] _byPlatform;
    private readonly Dictionary<string, int> _indexById;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, FilePlan> _byPatterns = new(StringComparer.Ordinal);

    internal ScanPlan(IReadOnlyList<ScanPattern> patterns, bool keepAll, bool collapseRepeats, bool scansValues = false)
    {
        Patterns = patterns;
        ScansValues = scansValues;
        KeepsAllRecords = keepAll;
        CollapsesRepeats = collapseRepeats;
        CountedIds = patterns.Where(p => p.Counted).Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
        // The builder checked every pattern, so a regex is parsed only when the scan first tries it.
        _regexes = patterns.Select(p => p.IsRegex && !IsLiteralAlternation(p) ? LazyRegex.Checked(p.Text) : null).ToArray();
        _indexById = Enumerable.Range(0, patterns.Count).ToDictionary(i => patterns[i].Id, StringComparer.Ordinal);
        _everywhere = Enumerable.Range(0, patterns.Count).Where(i => patterns[i].Sources.Count == 0 && patterns[i].Platforms.Count == 0).ToArray();
        _byPlatform = Enumerable.Range(0, patterns.Count).SelectMany(i => patterns[i].Platforms.Select(platform => (platform, i)))
            .GroupBy(x => x.platform, StringComparer.Ordinal).Select(g => (g.Key, g.Select(x => x.i).ToArray())).ToArray();
        _scoped = Enumerable.Range(0, patterns.Count).SelectMany(i => patterns[i].Sources.Select(glob => (glob, i)))
            .GroupBy(x => x.glob, StringComparer.Ordinal).Select(g => (g.Key, g.Select(x => x.i).ToArray())).ToArray();
    }

    /// <summary>A plan that keeps every record, repeats included: what "kb facts --json" shows.</summary>
    public static ScanPlan KeepAll { get; } = new([], keepAll: true, collapseRepeats: false);

    public static ScanPlanBuilder CreateBuilder() => new();

    public IReadOnlyList<ScanPattern> Patterns { get; }

    /// <summary>The platforms the plan knows (those of the loaded rules): in a bundle of one of them, a pattern scoped to
    /// platforms (<see cref="ScanPattern.Platforms"/>) is looked for only if it names that one.</summary>
    public IReadOnlySet<string> Platforms { get; init; } = new HashSet<string>();

    /// <summary>The bundle's platform as the scan reads it: itself when the plan knows it, else null (a loose log, a
    /// sosreport, a platform no loaded rule is written for), which reads every platform's patterns. It is also what
    /// the log facts of the bundle carry (<see cref="LogFact.BundlePlatform"/>).</summary>
    public string? PlatformOf(string? bundlePlatform) =>
        bundlePlatform is not null && Platforms.Contains(bundlePlatform) ? bundlePlatform : null;

    public bool KeepsAllRecords { get; }

    /// <summary>Text values inside resources and configs that contain a pattern also become log facts of
    /// format <see cref="LogFact.ValueFormat"/>, for the rules' <c>anywhere: true</c> log conditions
    /// (docs/facts.md, "Text anywhere"). Off unless a rule asks: the values cost nothing then.</summary>
    public bool ScansValues { get; }

    /// <summary>
    /// Identical records of one file become one log fact with a repeat count (see docs/facts.md, "Repeats"):
    /// a crash loop writes the same lines thousands of times, and every join between two of its patterns
    /// would otherwise pair every repeat with every other. False for <see cref="KeepAll"/>.
    /// </summary>
    public bool CollapsesRepeats { get; }

    /// <summary>Ids of the patterns that serve count conditions; a record matching one is never collapsed.</summary>
    internal IReadOnlySet<string> CountedIds { get; }

    /// <summary>The patterns that apply to the file at <paramref name="path"/> of a bundle of <paramref name="platform"/>
    /// (as <see cref="PlatformOf"/> gives it): those without source globs or platforms, those whose glob matches, and
    /// those of the platform (of every platform when it is null), shared by every file with the same set.</summary>
    internal FilePlan For(string path, string? platform = null) => For(path, platform, values: false);

    /// <summary>The patterns matched against the text values of the file's resources and configs: those of
    /// <c>anywhere</c> conditions that apply to it (all that apply, for a plan that marks none). Matching the others
    /// would only make value facts no condition reads: every other log condition excludes them.</summary>
    internal FilePlan ForValues(string path, string? platform = null) => For(path, platform, values: Patterns.Any(p => p.InValues));

    private FilePlan For(string path, string? platform, bool values)
    {
        var applicable = _everywhere.ToList();
        foreach (var (owner, patterns) in _byPlatform)
        {
            if (platform is null || owner == platform)
            {
                applicable.AddRange(patterns);
            }
        }

        foreach (var (glob, patterns) in _scoped)
        {
            if (Layouts.Glob.AcceptsSource(glob, path))
            {
                applicable.AddRange(patterns);
            }
        }
        var set = applicable.Distinct().Where(i => !values || Patterns[i].InValues).Order().ToArray();
        return _byPatterns.GetOrAdd(string.Join(',', set), _ => new FilePlan(this, set));
    }

    /// <summary>The regex a record must still match once the pattern's literal was found; null for a literal, and for a
    /// regex that is only an alternation of its literals.</summary>
    internal LazyRegex? RegexOf(int pattern) => _regexes[pattern];

    /// <summary>
    /// Whether the regex is a plain alternation such as <c>(?:register failed|Host instance init error|panic: )</c>
    /// whose branches are exactly its prefilter literals: it matches a record exactly when the prefilter found one of
    /// them, so running it adds nothing (on a crash-loop log, 100,000 calls for one such pattern).
    /// </summary>
    private static bool IsLiteralAlternation(ScanPattern pattern)
    {
        var text = pattern.Text;
        if (text.StartsWith("(?:", StringComparison.Ordinal) && text.EndsWith(')'))
        {
            text = text[3..^1];
        }

        var branches = text.Split('|');
        return branches.All(b => b.Length > 0 && b.AsSpan().IndexOfAny(RegexSyntax) < 0)
            && branches.Length == pattern.Prefilter.Count
            && branches.ToHashSet(StringComparer.Ordinal).SetEquals(pattern.Prefilter);
    }


    /// <summary>The index of the pattern with the id; -1 when there is none.</summary>
    internal int IndexOf(string id) => _indexById.GetValueOrDefault(id, -1);
}
