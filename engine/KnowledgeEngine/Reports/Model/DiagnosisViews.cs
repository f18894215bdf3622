using KnowledgeEngine.Runbooks.Model;
using Scriban.Runtime;

namespace KnowledgeEngine.Reports.Model;

// The one model every diagnosis renderer reads: the table, JSON, Markdown (diagnosis.md.sbn) and
// HTML. Templates see these records through Scriban's standard renamer (RankScore is `rank_score`);
// docs/runbooks.md lists every member a template can read, and a test keeps the two in step.
// Members marked ScriptMemberIgnore hold the same value typed for JSON and are hidden from templates.

/// <summary>One bundle's diagnosis, best cause first.</summary>
internal sealed record DiagnosisReportModel(
    BundleView Bundle,
    IReadOnlyList<CauseView> Causes,
    IReadOnlyList<DistinctionView> Distinctions,
    IReadOnlyList<SymptomView> Symptoms)
{
    /// <summary>When no cause was found: articles that read like the bundle, never causes.</summary>
    public IReadOnlyList<RelatedArticleView> Related { get; init; } = [];

    /// <summary>The articles the causes link to, each once, when the page holds them (no --site):
    /// the causes' <c>article.href</c> is then <c>#</c> and the id of the article's heading, its title.</summary>
    public IReadOnlyList<ArticleView> Articles { get; init; } = [];

    /// <summary>Rules whose required conditions held but one.</summary>
    public IReadOnlyList<NotConfirmedView> NotConfirmed { get; init; } = [];

    /// <summary>Asked for with --explain: show how each cause was reached.</summary>
    public bool Explain { get; init; }
}

internal sealed record BundleView(string Name, string Platform, IReadOnlyList<string> Hosts, string? CollectedAt, IReadOnlyList<string> Warnings)
{
    /// <summary>The platform as detected, null when unknown (<see cref="Platform"/> then says "unknown").</summary>
    [ScriptMemberIgnore]
    public string? DetectedPlatform { get; init; }

    [ScriptMemberIgnore]
    public DateTimeOffset? CollectedAtTime { get; init; }
}

internal sealed record CauseView(
    int Rank,
    double Confidence,
    string ConfidencePercent,
    RuleView Rule,
    ArticleView? Article,
    IReadOnlyList<ConfidenceStepView> Steps,
    IReadOnlyList<EvidenceView> Evidence,
    IReadOnlyList<ExpectedView> Missing,
    IReadOnlyList<ValueView> Values,
    IReadOnlyList<string> Fix,
    IReadOnlyList<string> Verify)
{
    /// <summary>The id of the cause's heading ("1. Title"), for links to its section.</summary>
    public string Anchor { get; init; } = "";

    /// <summary>The rule's page in the runbook site given by --site; null without one.</summary>
    public string? RuleHref { get; init; }

    /// <summary>"confirmed" or "suspected".</summary>
    public string Status { get; init; } = "confirmed";

    /// <summary>What the ranking orders by: the confidence, less a penalty for a suspected cause.</summary>
    public double RankScore { get; init; }

    /// <summary>A suspected cause's when conditions that did not hold, not collected ones first.</summary>
    public IReadOnlyList<UnmetView> Unmet { get; init; } = [];

    public IReadOnlyList<string> DroppedJoins { get; init; } = [];

    /// <summary>Each when condition in file order with what it matched: how the cause was reached.</summary>
    public IReadOnlyList<ConditionView> Conditions { get; init; } = [];

    /// <summary>How many times the failure was logged, and when first and last (UTC text, or null).</summary>
    public int Repeats { get; init; } = 1;

    public string? FirstSeen { get; init; }

    public string? LastSeen { get; init; }

    [ScriptMemberIgnore]
    public DateTimeOffset? FirstSeenTime { get; init; }

    [ScriptMemberIgnore]
    public DateTimeOffset? LastSeenTime { get; init; }
}

/// <summary>A when condition that did not hold for a suspected cause, where the rule states it, and how to collect it.</summary>
internal sealed record UnmetView(string Description, string Location, bool SourceCollected, string? Collect)
{
    /// <summary>The rule the condition belongs to when the cause inherited it through a suspected derived fact.</summary>
    public string? Via { get; init; }
}

/// <summary>A when condition of a cause: whether it is a signature, where the rule states it, and
/// what it matched ("not collected", "collected, not found", the facts' locations).</summary>
internal sealed record ConditionView(bool Signature, string Description, string Location, string Matched);

internal sealed record ConfidenceStepView(string Reason, double Weight, double Before, double After);

/// <summary>A quoted fact: its role (when, evidence, against), its name in the rule, where it is
/// (file:line; null for a derived fact) and what it says, quoted around the text its condition matched.</summary>
internal sealed record EvidenceView(string Role, string Name, string? Location, string Text)
{
    /// <summary>The whole fact, uncut (a log record with its continuation lines).</summary>
    public string Record { get; init; } = "";

    /// <summary>Where in <see cref="Text"/> the condition matched; a length of 0 when it names no text.</summary>
    public int MatchStart { get; init; }

    public int MatchLength { get; init; }
}

internal sealed record ValueView(string Name, string Value);

internal sealed record DistinctionView(string First, string Second, IReadOnlyList<string> Collect);

/// <summary>A symptom rule that fired, with the facts it matched.</summary>
internal sealed record SymptomView(string Rule, string Title, IReadOnlyList<EvidenceView> Evidence);

/// <summary>A rule that came close: the one required condition that did not hold and where the rule states it.</summary>
internal sealed record NotConfirmedView(string Rule, string Title, string Missing, string MissingAt);

/// <summary>An article offered when nothing was diagnosed: its title, its path under knowledge/ and its BM25 score.</summary>
internal sealed record RelatedArticleView(string Title, string Path, double Score);
