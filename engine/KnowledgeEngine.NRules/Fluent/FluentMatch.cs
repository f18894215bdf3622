using NRules.RuleModel;

namespace KnowledgeEngine.NRules.Fluent;

/// <summary>Our match as NRules' <see cref="IMatch"/>: the facts of the rule's patterns, by declaration
/// (not and exists bind none). Our engine reports no trigger per firing, and each firing is a new match.</summary>
internal sealed class FluentMatch(IRuleDefinition rule, Match match) : IMatch
{
    public IRuleDefinition Rule => rule;

    public IEnumerable<IFactMatch> Facts =>
        match.Declarations.Select((d, i) => (Declaration: d, Fact: match.Facts[i]))
            .Where(f => f.Fact is not null)
            .Select(f => new FactMatch(global::NRules.RuleModel.Builders.Element.Declaration(f.Declaration.Type, f.Declaration.Name), f.Fact!));

    public MatchTrigger Trigger => MatchTrigger.Created;

    private sealed record FactMatch(global::NRules.RuleModel.Declaration Declaration, object Value) : IFactMatch
    {
        public Type Type => Declaration.Type;

        object? IFact.Value => Value;

        public IFactSource? Source => null;
    }
}
