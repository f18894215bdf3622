namespace KnowledgeEngine.Rules.Model;

public enum ExampleExpectation
{
    Fires,
    Silent,

    /// <summary>Only the signatures hold: the rule must yield a suspected cause, ranked first.</summary>
    Suspected,
}

/// <summary>An example shipped inside a rule: a small bundle written inline (path → content in
/// the real formats) or the path of a bundle, and whether the rule must fire on it.</summary>
internal sealed record ExampleModel(SourceSpan Span)
{
    public Located<string>? Name { get; init; }

    public Located<ExampleExpectation>? Expect { get; init; }

    /// <summary>Inline bundle files: bundle-relative path → content.</summary>
    public IReadOnlyList<(Located<string> Path, Located<string> Content)> Files { get; init; } = [];

    /// <summary>A bundle folder or archive, relative to the knowledge base root.</summary>
    public Located<string>? Bundle { get; init; }

    /// <summary>A real case file (tests/real-cases/README.md), relative to the knowledge base root: its files are the facts.</summary>
    public Located<string>? Case { get; init; }

    /// <summary>Values the firing match must have, by placeholder path ("mac.old" → "b4:...").</summary>
    public IReadOnlyList<(Located<string> Path, Located<string> Value)> Captures { get; init; } = [];

    /// <summary>Other rules expected to fire on this example too (not reported as overlap).</summary>
    public IReadOnlyList<Located<string>> Also { get; init; } = [];

    /// <summary>Suspected examples: the names of the when conditions expected not to hold.</summary>
    public IReadOnlyList<Located<string>> Missing { get; init; } = [];

    /// <summary>Where the rule's cause must rank in the diagnosis of the example (1 = first), when
    /// the example says: what a bundle's diagnosis puts first is stated here, in the rule, and nowhere else.</summary>
    public Located<double>? Rank { get; init; }
}
