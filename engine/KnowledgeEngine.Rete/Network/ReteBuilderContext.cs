using KnowledgeEngine.Rete.Compilation;

namespace KnowledgeEngine.Rete.Network;

/// <summary>What the builder knows while it walks one rule: the declarations made so far, by
/// element position (null for not/exists, which bind nothing).</summary>
internal sealed class ReteBuilderContext(RuleDefinition rule, DelegateCache cache)
{
    private readonly List<Declaration?> _byElement = [];

    public IReadOnlyList<Declaration> Declarations =>
        _byElement.Select((d, i) => d ?? new Declaration($"${i}", typeof(object))).ToArray();

    public ConditionPlanner Planner() => new(rule.Name, _byElement.ToArray(), cache);

    public void Declare(Declaration? declaration)
    {
        if (declaration is not null && _byElement.Any(d => d?.Name == declaration.Name))
        {
            throw new RuleDefinitionException(rule.Name, $"Declaration '{declaration.Name}' is made twice; give each element its own name.");
        }

        _byElement.Add(declaration);
    }
}
