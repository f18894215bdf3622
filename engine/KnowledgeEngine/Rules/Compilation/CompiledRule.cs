using KnowledgeEngine.Rete;
using KnowledgeEngine.Rules.Model;

namespace KnowledgeEngine.Rules.Compilation;

/// <summary>A rule ready for the engine: the cause rule (its when conditions) and one rule per
/// evidence and against item (the same conditions plus the item), which share the cause's nodes,
/// plus the readers of every value its templates and examples name.</summary>
internal sealed record CompiledRule(
    RuleModel Model,
    RuleDefinition Cause,
    IReadOnlyList<ItemRule> Evidence,
    IReadOnlyList<ItemRule> Against,
    IReadOnlyDictionary<string, ValueReader> Values,
    int PrefixLength)
{
    public IEnumerable<RuleDefinition> Definitions => Evidence.Concat(Against).Select(i => i.Definition).Prepend(Cause);
}

/// <summary>An optional item compiled as its own rule: the cause's elements followed by the item's.</summary>
internal sealed record ItemRule(ConditionModel Item, RuleDefinition Definition, string Declaration);
