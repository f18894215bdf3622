namespace KnowledgeEngine.Rules.Model;

/// <summary>The kinds of fact a condition can match; <see cref="Fact"/> is a derived fact by name.</summary>
public enum FactKind
{
    Log,
    Resource,
    Config,
    File,
    Bundle,
    Fact,
}

/// <summary>
/// One condition: which facts of one kind it matches (<see cref="Properties"/>, the keys inside
/// <c>log: { ... }</c>), the name later parts use for the match, and, in evidence and against
/// lists, its weight; in every list the hint that tells the operator how to collect the fact.
/// </summary>
internal sealed record ConditionModel(SourceSpan Span, Located<FactKind> Kind)
{
    /// <summary>The name given with <c>as:</c>; null when nothing refers to the match.</summary>
    public Located<string>? Name { get; init; }

    /// <summary>Scalar settings of the fact kind (source, contains, regex, kind, key, name...).</summary>
    public IReadOnlyDictionary<string, Located<string>> Properties { get; init; } = new Dictionary<string, Located<string>>();

    public Located<string>? Where { get; init; }

    /// <summary>File and resource conditions: the rule needs no matching fact in the bundle that was
    /// read (a missing file of a known inventory, or no resource matching the settings and where).</summary>
    public Located<bool>? Absent { get; init; }

    /// <summary>When conditions only: the condition singles the failure out. The signatures holding
    /// without the other when conditions make the cause suspected instead of confirmed.</summary>
    public Located<bool>? Signature { get; init; }

    public bool IsSignature => Signature?.Value == true;

    public CountModel? Count { get; init; }

    public Located<double>? Weight { get; init; }

    public Located<string>? Collect { get; init; }

    public Located<string>? Property(string key) => Properties.GetValueOrDefault(key);

    /// <summary>The platform whose bundles this condition reads only (with bundles of no platform the rules know): its
    /// rule's, for a log condition without a <c>source</c>; null when it reads every bundle (docs/rule-language.md,
    /// "Where a log condition looks"). The compiled guard and kb why's account of a miss both ask here.</summary>
    public string? ScopedToPlatform(string? rulePlatform) =>
        Kind.Value == FactKind.Log && Property("source") is null ? rulePlatform : null;
}

/// <summary>Turns a condition into "at least N matching facts", optionally within a time window.</summary>
internal sealed record CountModel(SourceSpan Span, Located<int>? AtLeast, Located<TimeSpan>? Within);
