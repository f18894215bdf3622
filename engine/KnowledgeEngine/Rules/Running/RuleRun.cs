using KnowledgeEngine.Rules.Model;

namespace KnowledgeEngine.Rules;

/// <summary>What a run of the rules over one set of facts found: the cause rules that hold (one
/// entry per match, so two broken hosts give two entries) and the facts the rules derived.</summary>
public sealed record RuleRun(IReadOnlyList<FiredRule> Fired, IReadOnlyList<DerivedFact> Derived)
{
    /// <summary>For each derived fact, the rules whose matches inserted it (from the engine's
    /// insert events), so an explanation can say where a symptom came from.</summary>
    public IReadOnlyDictionary<DerivedFact, IReadOnlyList<string>> DerivedBy { get; init; } = new Dictionary<DerivedFact, IReadOnlyList<string>>();
}

/// <summary>
/// One match of a cause rule: the facts its when conditions matched, the values its templates
/// and regex captures read (by <c>name.field</c>), which evidence and against items were found,
/// and the fix and verify steps with those values filled in.
/// </summary>
public sealed record FiredRule(
    RuleModel Rule,
    IReadOnlyList<MatchedFact> Facts,
    IReadOnlyDictionary<string, string> Values,
    IReadOnlyList<ItemResult> Evidence,
    IReadOnlyList<ItemResult> Against,
    IReadOnlyList<string> Fix,
    IReadOnlyList<string> Verify)
{
    public string Id => Rule.Id!.Value;

    /// <summary>The cause summary with this match's values filled in.</summary>
    public string? Summary { get; init; }

    /// <summary>The cause detail with this match's values filled in.</summary>
    public string? Detail { get; init; }
}

/// <summary>A fact matched under a condition's name (generated names start with '_').</summary>
public sealed record MatchedFact(string Name, object Fact)
{
    /// <summary>"path:line" of a bundle fact; null for derived facts.</summary>
    public string? Location => (Fact as Facts.Fact)?.Location;

    public override string ToString() => $"{Name}: {Location ?? Fact.ToString()}";
}

/// <summary>Whether an evidence or against item holds for a fired rule, and with which facts
/// (none for an absent file, which holds by the lack of one).</summary>
public sealed record ItemResult(ConditionModel Item, bool Found, IReadOnlyList<MatchedFact> Facts)
{
    public double Weight => Item.Weight?.Value ?? 0;

    /// <summary>How to obtain the fact when it is missing, as the rule says.</summary>
    public string? Collect => Item.Collect?.Value;
}
