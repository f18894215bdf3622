using KnowledgeEngine.Retrieval;
using KnowledgeEngine.Rules;
using KnowledgeEngine.Rules.Model;

namespace KnowledgeEngine.Diagnosis;

/// <summary>A fact quoted as evidence: where it is (file:line) and what it says, in a line of at most
/// 240 characters around the text its condition matched.</summary>
public sealed record EvidenceLine(string Role, string Name, string? Location, string Text)
{
    /// <summary>The whole fact: a log record with its continuation lines, uncut.</summary>
    public string Record { get; init; } = "";

    /// <summary>Where in <see cref="Text"/> the condition's literal or regex matched, when it did.</summary>
    public (int Start, int Length)? Match { get; init; }
}

/// <summary>Evidence the rule expects that was not in the bundle, and how to collect it.</summary>
public sealed record MissingEvidence(string Description, double Weight, string? Collect)
{
    /// <summary>For an unmet when condition: whether its source was in the bundle (the fact is absent)
    /// or never collected. Null for an evidence item.</summary>
    public bool? SourceCollected { get; init; }
}

/// <summary>One candidate root cause: a fired cause rule with its confidence, the steps that
/// led to it, the evidence quoted, what is missing, and the fix with the real values filled in.</summary>
public sealed record Hypothesis(
    FiredRule Fired,
    double Confidence,
    IReadOnlyList<ConfidenceStep> Steps,
    IReadOnlyList<EvidenceLine> Evidence,
    IReadOnlyList<MissingEvidence> Missing)
{
    public LoadedRule Rule => Fired.Rule;

    public string RuleId => Fired.Id;

    public string Title => Rule.Title;

    public Severity Severity => Rule.Severity;

    /// <summary>The cause summary with this match's values filled in.</summary>
    public string Summary => Fired.Summary ?? Rule.Cause.Summary.Text;

    /// <summary>The cause detail with this match's values filled in, when the rule has one.</summary>
    public string? Detail => Fired.Detail ?? Rule.Cause.Detail?.Text;

    public double Prior => Rule.Prior;

    public CauseStatus Status => Fired.Status;

    /// <summary>How many times the failure was logged: the largest repeat count among the match's
    /// when log records, summed over the matches merged into this cause (1 without log facts).</summary>
    public int Repeats { get; init; } = 1;

    /// <summary>When the failure was first and last logged, when the records carry timestamps.</summary>
    public DateTimeOffset? FirstSeen { get; init; }

    public DateTimeOffset? LastSeen { get; init; }

    /// <summary>What the order uses: the confidence, less <see cref="Diagnoser.SuspectedRankPenalty"/>
    /// for a suspected cause, so that it outranks a confirmed cause only when clearly stronger.</summary>
    public double RankScore => Status == CauseStatus.Suspected ? Confidence - Diagnoser.SuspectedRankPenalty : Confidence;

    /// <summary>A suspected cause's unmet when conditions as facts to collect: those never collected
    /// first (collect next), then those collected without the fact.</summary>
    public IReadOnlyList<MissingEvidence> ToConfirm => Fired.Unmet.OrderBy(u => u.SourceCollected)
        .Select(u => new MissingEvidence(u.Description, u.SourceCollected ? Diagnoser.AbsentWeight : Diagnoser.UncollectedWeight, u.Collect)
        {
            SourceCollected = u.SourceCollected,
        }).ToList();

    /// <summary>How many conditions held: the required ones that held plus each evidence item found.</summary>
    public int MatchedConditions => Rule.When.Count - Fired.Unmet.Count(u => u.Via is null) + Fired.Evidence.Count(e => e.Found);
}

/// <summary>Two hypotheses too close to call, and the facts that would tell them apart.</summary>
public sealed record Distinction(string First, string Second, IReadOnlyList<MissingEvidence> Decisive);

/// <summary>What <c>kb diagnose</c> found in one bundle, best cause first.</summary>
public sealed record DiagnosisResult(
    string Bundle,
    string? Platform,
    IReadOnlyList<string> Hosts,
    DateTimeOffset? CollectedAt,
    IReadOnlyList<Hypothesis> Causes,
    IReadOnlyList<FiredRule> Symptoms,
    IReadOnlyList<Distinction> Distinctions,
    IReadOnlyList<Diagnostic> Warnings)
{
    /// <summary>Rules that came close: all required conditions but one held.</summary>
    public IReadOnlyList<NearMiss> NotConfirmed { get; init; } = [];

    /// <summary>The rules that derived each derived fact a cause used.</summary>
    public IReadOnlyDictionary<DerivedFact, IReadOnlyList<string>> DerivedBy { get; init; } = new Dictionary<DerivedFact, IReadOnlyList<string>>();

    /// <summary>When no cause was found: the articles that read most like the bundle, a place to start,
    /// never a cause (Retrieval/RelatedArticles). Empty when a cause was found.</summary>
    public IReadOnlyList<RelatedArticle> Related { get; init; } = [];
}
