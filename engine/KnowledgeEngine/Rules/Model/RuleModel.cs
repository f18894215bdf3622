namespace KnowledgeEngine.Rules.Model;

public enum Severity
{
    Info,
    Low,
    Medium,
    High,
    Critical,
}

/// <summary>One rule file: a scenario from symptom to cause to fix. Required parts may be null
/// only while the file has errors; a rule that loaded without errors has them all.</summary>
internal sealed record RuleModel(SourceSpan Span)
{
    public Located<string>? Id { get; init; }

    public Located<string>? Title { get; init; }

    public Located<string>? Platform { get; init; }

    public Located<Severity>? Severity { get; init; }

    /// <summary>Article path relative to the knowledge/ root.</summary>
    public Located<string>? Knowledge { get; init; }

    public IReadOnlyList<Located<string>> Tags { get; init; } = [];

    /// <summary>Required conditions, in match order; later ones may read earlier ones by name.</summary>
    public IReadOnlyList<ConditionModel> When { get; init; } = [];

    public IReadOnlyList<ConditionModel> Evidence { get; init; } = [];

    public IReadOnlyList<ConditionModel> Against { get; init; } = [];

    public CauseModel? Cause { get; init; }

    public IReadOnlyList<Located<Template>> Fix { get; init; } = [];

    public IReadOnlyList<Located<Template>> Verify { get; init; } = [];

    public DeriveModel? Derive { get; init; }

    public IReadOnlyList<ExampleModel> Examples { get; init; } = [];

    /// <summary>Every condition of the rule: when, then evidence, then against.</summary>
    public IEnumerable<ConditionModel> Conditions => When.Concat(Evidence).Concat(Against);

    /// <summary>The prior a cause starts from when the rule states none (only a rule with errors lacks one).</summary>
    public const double DefaultPrior = 0.5;

    /// <summary>The cause's prior confidence: the one place its default is applied.</summary>
    public double Prior => Cause?.Confidence?.Value ?? DefaultPrior;

    /// <summary>The severity, medium when the rule states none: the one place its default is applied.</summary>
    public Severity EffectiveSeverity => Severity?.Value ?? Model.Severity.Medium;

    /// <summary>The name of the fact the rule derives, or null.</summary>
    public string? Derives => Derive?.Fact?.Value;

    /// <summary>The id, or the file name while the id is missing (for messages only).</summary>
    public string Name => Id?.Value ?? System.IO.Path.GetFileNameWithoutExtension(Span.File);

    public override string ToString() => Name;
}

internal sealed record CauseModel(SourceSpan Span, Located<string>? Summary, Located<string>? Detail, Located<double>? Confidence)
{
    /// <summary>The summary with its <c>{{ name.field }}</c> placeholders, filled for each match.</summary>
    public Located<Template>? SummaryTemplate { get; init; }

    /// <summary>The detail with its placeholders.</summary>
    public Located<Template>? DetailTemplate { get; init; }
}

/// <summary>A derived fact the rule inserts while it holds, for other rules to build on.</summary>
internal sealed record DeriveModel(SourceSpan Span, Located<string>? Fact, IReadOnlyList<DeriveField> Fields);

internal sealed record DeriveField(Located<string> Name, Located<Template> Value);
