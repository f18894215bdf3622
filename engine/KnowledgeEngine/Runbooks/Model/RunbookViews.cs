namespace KnowledgeEngine.Runbooks.Model;

// The template model. Templates see these records through Scriban's standard renamer, so the
// property RuleId is `rule_id` there. docs/runbooks.md lists every member; a test keeps the two
// in step, so a renamed property here fails the build's tests rather than a user's template.

/// <summary>The model of rule.md.sbn: one rule as a generic runbook, unfilled values shown as
/// &lt;name.field&gt;.</summary>
internal sealed record RuleRunbookModel(RuleView Rule, ArticleView? Article)
{
    /// <summary>The link to the site's index; null for a runbook printed alone.</summary>
    public string? IndexHref { get; init; }
}

/// <summary>The model of index.md.sbn: every rule of the knowledge base by platform and component.</summary>
internal sealed record IndexModel(int RuleCount, IReadOnlyList<PlatformView> Platforms, IReadOnlyList<ArticleEntryView> Articles);

internal sealed record ArticleEntryView(string Title, string Platform, string Href);

/// <summary>A platform of the index; <see cref="Anchor"/> is the id of its heading, for the contents.</summary>
internal sealed record PlatformView(string Name, string Anchor, IReadOnlyList<ComponentView> Components);

internal sealed record ComponentView(string Name, IReadOnlyList<IndexEntryView> Rules);

internal sealed record IndexEntryView(string Id, string Title, string Severity, string Href);

internal sealed record RuleView(
    string Id,
    string Title,
    string Platform,
    string Severity,
    string Summary,
    string? Detail,
    double Prior,
    string? Knowledge,
    IReadOnlyList<string> Tags,
    IReadOnlyList<string> Conditions,
    IReadOnlyList<ExpectedView> Evidence,
    IReadOnlyList<ExpectedView> Against,
    IReadOnlyList<string> Fix,
    IReadOnlyList<string> Verify);

/// <summary>An evidence or against item as the rule states it, with how to collect it.</summary>
internal sealed record ExpectedView(string Description, double Weight, string? Collect);

/// <summary>The linked knowledge article. The named sections are null when the article has no
/// such heading; <see cref="Sections"/> holds all of them in article order. Relative links in
/// the sections are rebased to the page being written. <see cref="Href"/> is the article's page,
/// or its anchor when the page embeds it; null when the page can reach neither.</summary>
internal sealed record ArticleView(
    string Title,
    string? Href,
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
