using KnowledgeEngine.Rete.Compilation;

namespace KnowledgeEngine.Rete.Network;

/// <summary>What the builder knows while it walks one rule: the declarations made so far, by
/// element position (null for not/exists, which bind nothing).</summary>
internal sealed class ReteBuilderContext(RuleDefinition rule, DelegateCache cache)
{
    private readonly List<Declaration?> _byElement = [];

    public IReadOnlyList<Declaration> Declarations =>
        _byElement.Select((d, i) => d ?? new Declaration($"${i}", typeof(object))).ToArray();

    /// <summary>The names and types declared so far, in order: what planning an element depends on.</summary>
    public string Signature { get; private set; } = "";

    public ConditionPlanner Planner() => new(rule.Name, _byElement.ToArray(), cache);

    public void Declare(Declaration? declaration)
    {
        if (declaration is not null && _byElement.Any(d => d?.Name == declaration.Name))
        {
            throw new RuleDefinitionException(rule.Name, $"Declaration '{declaration.Name}' is made twice; give each element its own name.");
        }

        _byElement.Add(declaration);
        Signature += declaration is null ? "|-" : $"|{declaration.Name}:{declaration.Type.FullName}";
    }
}
