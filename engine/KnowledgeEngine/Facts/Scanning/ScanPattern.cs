namespace KnowledgeEngine.Facts;

/// <summary>
/// One thing the loaded rules can match in a log record: an ordinal literal, or a regex with the literals
/// that any of its matches must contain (empty when none is known, which forces a look at every record).
/// <paramref name="Counted"/>: the pattern serves a <c>count:</c> condition, which needs every record and its
/// timestamp, so records matching it are never collapsed into one fact with a repeat count.
/// </summary>
public sealed record ScanPattern(string Id, string Text, bool IsRegex, IReadOnlyList<string> Prefilter, bool Counted = false)
{
    /// <summary>Path globs of the files the pattern is looked for in; empty (and no <see cref="Platforms"/>): every log file.</summary>
    public IReadOnlyList<string> Sources { get; init; } = [];

    /// <summary>Platforms in whose bundles the pattern is looked for in every log file, besides the files
    /// <see cref="Sources"/> names: a condition without a <c>source</c> reads the logs of its rule's platform's bundles,
    /// and of bundles of no platform the plan knows (<see cref="ScanPlan.Platforms"/>). Empty: no such limit.</summary>
    public IReadOnlyList<string> Platforms { get; init; } = [];

    /// <summary>An <c>anywhere: true</c> condition reads it, so it is also matched against the text values of
    /// resources and configs (docs/facts.md, "Text anywhere").</summary>
    public bool InValues { get; init; }

    /// <summary>The id of the pattern that opens this one: it is tried only on the records of a file that
    /// follow the first record matching that pattern. Null: tried from the start. Lets a regex without a
    /// literal (a YAML tree printed after an error line) cost nothing in files without its error line.</summary>
    public string? After { get; init; }

    /// <summary>For a regex, literals each of which every match contains besides one of <see cref="Prefilter"/>'s
    /// (<see cref="RegexLiterals.AlsoRequired"/>): a record lacking one is not tried on the regex.</summary>
    public IReadOnlyList<string> AlsoRequired { get; init; } = [];
}
