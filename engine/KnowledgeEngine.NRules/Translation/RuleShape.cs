namespace KnowledgeEngine.NRules.Translation;

/// <summary>How an NRules match maps back to one of ours: the NRules declaration name bound at each
/// element position (null for not/exists) and the declarations our <see cref="Match"/> carries.</summary>
internal sealed class RuleShape(RuleDefinition rule, IReadOnlyList<Declaration> declarations, IReadOnlyList<string?> bound)
{
    private readonly Dictionary<string, int> _positions = bound
        .Select((name, i) => (name, i)).Where(x => x.name is not null).ToDictionary(x => x.name!, x => x.i, StringComparer.Ordinal);

    public RuleDefinition Rule { get; } = rule;

    public IReadOnlyList<Declaration> Declarations { get; } = declarations;

    public Match MatchOf(global::NRules.RuleModel.IMatch match)
    {
        var facts = new object?[Declarations.Count];
        foreach (var fact in match.Facts)
        {
            if (_positions.TryGetValue(fact.Declaration.Name, out var position))
            {
                facts[position] = fact.Value;
            }
        }

        return new Match(Declarations, facts);
    }
}
