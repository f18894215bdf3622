using KnowledgeEngine.Rules.Model;

namespace KnowledgeEngine.Rules;

/// <summary>What a run of the rules over one set of facts found: the cause rules that hold (one
/// entry per match, so two broken hosts give two entries) and the facts the rules derived.</summary>
public sealed record RuleRun(IReadOnlyList<FiredRule> Fired, IReadOnlyList<DerivedFact> Derived)
{
    /// <summary>Matches of rules whose signatures held without all their other when conditions;
    /// each has <see cref="CauseStatus.Suspected"/> and lists its unmet conditions.</summary>
    public IReadOnlyList<FiredRule> Suspected { get; init; } = [];

    /// <summary>Problems of the run itself (a rule stopped at the fire limit), for the operator.</summary>
    public IReadOnlyList<Diagnostic> Warnings { get; init; } = [];

    /// <summary>Rules neither confirmed nor suspected that held all required conditions but one
    /// (filled when the run included the near-miss probes).</summary>
    public IReadOnlyList<NearMiss> NearMisses { get; init; } = [];

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
    LoadedRule Rule,
    IReadOnlyList<MatchedFact> Facts,
    IReadOnlyDictionary<string, string> Values,
    IReadOnlyList<ItemResult> Evidence,
    IReadOnlyList<ItemResult> Against,
    IReadOnlyList<string> Fix,
    IReadOnlyList<string> Verify)
{
    public string Id => Rule.Id;

    /// <summary>Confirmed: every when condition held. Suspected: the signatures held, the
    /// conditions in <see cref="Unmet"/> did not.</summary>
    public CauseStatus Status { get; init; } = CauseStatus.Confirmed;

    /// <summary>The when conditions that did not hold for a suspected match.</summary>
    public IReadOnlyList<UnmetCondition> Unmet { get; init; } = [];

    /// <summary>Each when condition of the rule, in file order, with the facts it matched (none
    /// for an absent condition or an unmet one).</summary>
    public IReadOnlyList<WhenResult> When { get; init; } = [];

    /// <summary>The <c>where</c> parts left out for a suspected match because they read a condition
    /// that did not hold, e.g. "access_mac != master.mac".</summary>
    public IReadOnlyList<string> DroppedJoins { get; init; } = [];

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
public sealed record ItemResult(LoadedCondition Item, bool Found, IReadOnlyList<MatchedFact> Facts)
{
    public double Weight => Item.Weight;

    /// <summary>How to obtain the fact when it is missing, as the rule says.</summary>
    public string? Collect => Item.Collect;
}

public enum CauseStatus
{
    Confirmed,
    Suspected,
}

/// <summary>A when condition that did not hold for a suspected match. <see cref="SourceCollected"/>
/// tells "its source was collected and the fact is not in it" (counts against the cause) from "its
/// source was never collected" (neutral: collect it next); see docs/rule-language.md.</summary>
public sealed record UnmetCondition(LoadedCondition Condition, bool SourceCollected)
{
    /// <summary>Null for the matched rule's own condition. For one inherited through a suspected
    /// derived fact: the rule whose suspected match derived it (the condition is that rule's).</summary>
    public string? Via { get; init; }

    /// <summary>How to obtain the fact, as the rule says.</summary>
    public string? Collect => Condition.Collect;

    /// <summary>The condition as reports print it, naming the rule it belongs to when inherited.</summary>
    public string Description => Via is null ? Condition.Description : $"{Condition.Description} (for {Via})";
}

/// <summary>One when condition of a match: whether it is a signature, the facts bound to it, and
/// for a suspected match why it did not hold.</summary>
public sealed record WhenResult(LoadedCondition Condition, IReadOnlyList<MatchedFact> Facts, UnmetCondition? Unmet)
{
    public bool IsSignature => Condition.Role == ConditionRole.Signature;

    public bool Held => Unmet is null;
}
