using KnowledgeEngine.Rules.Model;

namespace KnowledgeEngine.Rules;

/// <summary>
/// A rule that loaded without errors, as running, diagnosis, reports, runbooks and kb read it:
/// every required part present, the defaults applied once (<see cref="Prior"/>, <see cref="Severity"/>,
/// <see cref="Platform"/>), and the conditions named with their role. Built by the compiler; the
/// file-level <see cref="RuleModel"/> with its spans stays with loading and lint.
/// </summary>
public sealed class LoadedRule
{
    internal LoadedRule(RuleModel model, IReadOnlyList<LoadedCondition> when, IReadOnlyList<LoadedCondition> evidence, IReadOnlyList<LoadedCondition> against)
    {
        Model = model;
        Id = model.Id?.Value ?? throw new ArgumentException("a rule with errors has no loaded form", nameof(model));
        Title = model.Title?.Value ?? Id;
        Platform = model.Platform?.Value ?? Id.Split('/')[0];
        Severity = model.EffectiveSeverity;
        Prior = model.Prior;
        Knowledge = model.Knowledge?.Value;
        Tags = model.Tags.Select(t => t.Value).ToList();
        var cause = model.Cause ?? throw new ArgumentException("a rule with errors has no loaded form", nameof(model));
        Cause = new RuleCause(cause.SummaryTemplate?.Value ?? new Template(cause.Summary?.Value ?? Title, []),
            cause.DetailTemplate?.Value ?? (cause.Detail is { } detail ? new Template(detail.Value, []) : null));
        When = when;
        Evidence = evidence;
        Against = against;
        Fix = model.Fix.Select(f => f.Value).ToList();
        Verify = model.Verify.Select(v => v.Value).ToList();
        Derives = model.Derives;
        Location = RuleText.RuleFile(model.Span.File);
    }

    /// <summary>The rule id, e.g. <c>cloudpods/host-mac-changed</c>.</summary>
    public string Id { get; }

    public string Title { get; }

    /// <summary>The platform the rule states, or the first segment of its id.</summary>
    public string Platform { get; }

    public Severity Severity { get; }

    /// <summary>The confidence a match starts from (the cause's, or <see cref="RuleModel.DefaultPrior"/>).</summary>
    public double Prior { get; }

    /// <summary>The article path relative to the knowledge/ root, when the rule names one.</summary>
    public string? Knowledge { get; }

    public IReadOnlyList<string> Tags { get; }

    /// <summary>The cause the rule names (every rule has one; a shared symptom's is the general explanation).</summary>
    public RuleCause Cause { get; }

    /// <summary>The required conditions in file order; signatures among them have <see cref="ConditionRole.Signature"/>.</summary>
    public IReadOnlyList<LoadedCondition> When { get; }

    public IReadOnlyList<LoadedCondition> Evidence { get; }

    public IReadOnlyList<LoadedCondition> Against { get; }

    public IEnumerable<LoadedCondition> Signatures => When.Where(c => c.Role == ConditionRole.Signature);

    /// <summary>Fix and verify steps with their <c>{{ name.field }}</c> placeholders unfilled.</summary>
    public IReadOnlyList<Template> Fix { get; }

    public IReadOnlyList<Template> Verify { get; }

    /// <summary>The name of the fact the rule derives while it holds, if any.</summary>
    public string? Derives { get; }

    /// <summary>The rule file from the knowledge base's rules/ folder on (rules/x/y.yaml).</summary>
    public string Location { get; }

    /// <summary>The file-level model (spans, examples) for the compiler and the example runner.</summary>
    internal RuleModel Model { get; }

    /// <summary>Whether <paramref name="condition"/> is not looked for in a bundle of <paramref name="bundlePlatform"/>
    /// (as the scan plan reads it, <see cref="Facts.ScanPlan.PlatformOf"/>): a log condition without a <c>source</c> of a
    /// rule that states its platform reads only the logs of that platform's bundles and of bundles of no platform the
    /// rules know, as its compiled form checks (docs/rule-language.md, "Where a log condition looks").</summary>
    public bool SkipsBundleOf(LoadedCondition condition, string? bundlePlatform) =>
        bundlePlatform is not null && condition.Model.ScopedToPlatform(Model.Platform?.Value) is { } own && own != bundlePlatform;

    public override string ToString() => Id;
}

/// <summary>What a cause rule concludes: the summary and detail with their placeholders unfilled.</summary>
public sealed record RuleCause(Template Summary, Template? Detail);
