namespace KnowledgeEngine.Rules;

/// <summary>
/// Why a rule did or did not hold on a set of facts: how many of its required conditions held in
/// order, the first that found no fact, and the facts the conditions before it matched.
/// </summary>
public sealed record RuleProbe(LoadedRule Rule, bool Fired, int HeldConditions, LoadedCondition? FirstMissing, IReadOnlyList<MatchedFact> Matched)
{
    /// <summary>For each when condition, in file order, the facts bound to it.</summary>
    public IReadOnlyList<IReadOnlyList<MatchedFact>> MatchedBy { get; init; } = [];
}

/// <summary>A rule that did not fire but would have with one required condition more: shown as
/// "not confirmed" under the ranking, with what is missing.</summary>
public sealed record NearMiss(LoadedRule Rule, LoadedCondition Missing, IReadOnlyList<MatchedFact> Matched);
