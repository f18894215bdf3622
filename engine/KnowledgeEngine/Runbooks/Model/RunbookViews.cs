namespace KnowledgeEngine.Runbooks.Model;

// The template model. Templates see these records through Scriban's standard renamer, so the
// property RuleId is `rule_id` there. docs/runbooks.md lists every member; a test keeps the two
// in step, so a renamed property here fails the build's tests rather than a user's template.

/// <summary>The model of rule.md.sbn: one rule as a generic runbook, unfilled values shown as
/// &lt;name.field&gt;.</summary>
internal sealed record RuleRunbookModel(RuleView Rule, ArticleView? Article);

/// <summary>The model of diagnosis.md.sbn: one bundle's diagnosis, best cause first.</summary>
internal sealed record DiagnosisRunbookModel(
    BundleView Bundle,
    IReadOnlyList<CauseView> Causes,
    IReadOnlyList<DistinctionView> Distinctions,
    IReadOnlyList<string> Symptoms)
{
    /// <summary>When no cause was found: articles that read like the bundle, never causes.</summary>
    public IReadOnlyList<RelatedArticleView> Related { get; init; } = [];
}

/// <summary>An article offered when nothing was diagnosed: its title and its path under knowledge/.</summary>
internal sealed record RelatedArticleView(string Title, string Path);

/// <summary>The model of index.md.sbn: every rule of the knowledge base by platform and component.</summary>
internal sealed record IndexModel(int RuleCount, IReadOnlyList<PlatformView> Platforms, IReadOnlyList<ArticleEntryView> Articles);

internal sealed record ArticleEntryView(string Title, string Platform, string Href);

internal sealed record PlatformView(string Name, IReadOnlyList<ComponentView> Components);

internal sealed record ComponentView(string Name, IReadOnlyList<IndexEntryView> Rules);

internal sealed record IndexEntryView(string Id, string Title, string Severity, string Href);

internal sealed record BundleView(string Name, string Platform, IReadOnlyList<string> Hosts, string? CollectedAt, IReadOnlyList<string> Warnings);

internal sealed record RuleView(
    string Id,
    string Title,
    string Platform,
    string Severity,
    string Summary,
    string? Detail,
    double Prior,
    IReadOnlyList<string> Tags,
    IReadOnlyList<string> Conditions,
    IReadOnlyList<ExpectedView> Evidence,
    IReadOnlyList<ExpectedView> Against,
    IReadOnlyList<string> Fix,
    IReadOnlyList<string> Verify);

/// <summary>An evidence or against item as the rule states it, with how to collect it.</summary>
internal sealed record ExpectedView(string Description, double Weight, string? Collect);

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
    /// <summary>"confirmed" or "suspected".</summary>
    public string Status { get; init; } = "confirmed";

    /// <summary>A suspected cause's when conditions that did not hold, not collected ones first.</summary>
    public IReadOnlyList<UnmetView> Unmet { get; init; } = [];

    public IReadOnlyList<string> DroppedJoins { get; init; } = [];

    /// <summary>How many times the failure was logged, and when first and last (UTC text, or null).</summary>
    public int Repeats { get; init; } = 1;

    public string? FirstSeen { get; init; }

    public string? LastSeen { get; init; }
}

/// <summary>A when condition that did not hold for a suspected cause, and how to collect it.</summary>
internal sealed record UnmetView(string Description, bool SourceCollected, string? Collect);

internal sealed record ConfidenceStepView(string Reason, double Weight, double Before, double After);

internal sealed record EvidenceView(string Role, string Name, string Location, string Text);

internal sealed record ValueView(string Name, string Value);

internal sealed record DistinctionView(string First, string Second, IReadOnlyList<string> Collect);

/// <summary>The linked knowledge article. The named sections are null when the article has no
/// such heading; <see cref="Sections"/> holds all of them in article order. Relative links in
/// the sections are rebased to the page being written.</summary>
internal sealed record ArticleView(
    string Title,
    string Href,
    string? Component,
    string? Source,
    string? Symptoms,
    string? Background,
    string? Cause,
    string? DiagnosisSteps,
    string? Fix,
    string? Verification,
    string? Prevention,
    string? Related,
    IReadOnlyList<SectionView> Sections);

internal sealed record SectionView(string Heading, string Markdown);
