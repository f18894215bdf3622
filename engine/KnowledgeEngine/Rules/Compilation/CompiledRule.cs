using KnowledgeEngine.Rete;
using KnowledgeEngine.Rules.Model;

namespace KnowledgeEngine.Rules.Compilation;

/// <summary>A rule ready for the engine: the cause rule (its when conditions) and one rule per
/// evidence and against item (the same conditions plus the item), which share the cause's nodes,
/// the suspect plan (its signatures alone), plus the readers of every value its templates and
/// examples name.</summary>
internal sealed record CompiledRule(
    LoadedRule Rule,
    RuleDefinition Cause,
    IReadOnlyList<ItemRule> Evidence,
    IReadOnlyList<ItemRule> Against,
    IReadOnlyDictionary<string, ValueReader> Values,
    int PrefixLength)
{
    public RuleModel Model => Rule.Model;

    /// <summary>Every when condition with its role, declaration name and position in <see cref="Cause"/>'s elements.</summary>
    public IReadOnlyList<LoadedCondition> When => Rule.When;

    /// <summary>How a suspected match is found; null for a rule without signatures, without
    /// other when conditions, or without a cause.</summary>
    public SuspectPlan? Suspect { get; init; }

    /// <summary>The rule's <c>derive:</c>, also used to derive from its suspected matches; null without one.</summary>
    public DeriveAction? Derive { get; init; }

    public IEnumerable<RuleDefinition> Definitions =>
        Evidence.Concat(Against).Select(i => i.Definition).Prepend(Cause).Concat(Suspect?.Definitions ?? []);
}

/// <summary>An optional item compiled as its own rule: the cause's elements followed by the item's.</summary>
internal sealed record ItemRule(LoadedCondition Item, RuleDefinition Definition)
{
    public string Declaration => Item.Name;
}

/// <summary>
/// The signatures of a rule compiled alone (joins to the other when conditions dropped), one check
/// rule per other when condition (the signatures plus that condition), and the evidence and against
/// items on top of the signatures. A match of <see cref="Definition"/> that no confirmed match
/// covers is a suspected cause; the checks that did not fire for it are its unmet conditions.
/// </summary>
internal sealed record SuspectPlan(
    RuleDefinition Definition,
    IReadOnlyList<ItemRule> Checks,
    IReadOnlyList<ItemRule> Evidence,
    IReadOnlyList<ItemRule> Against,
    IReadOnlyList<string> SignatureNames,
    IReadOnlyList<string> DroppedJoins)
{
    public int PrefixLength => Definition.Elements.Count;

    public IEnumerable<RuleDefinition> Definitions =>
        Checks.Concat(Evidence).Concat(Against).Select(i => i.Definition).Prepend(Definition);
}
