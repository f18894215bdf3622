namespace KnowledgeEngine.Runbooks;

/// <summary>A troubleshooting article of knowledge/: its front matter and its H2 sections, each
/// kept as the Markdown written under that heading.</summary>
public sealed record KnowledgeArticle(
    string RelativePath,
    string Title,
    string? Platform,
    string? Component,
    IReadOnlyList<string> Rules,
    string? Source,
    IReadOnlyList<string> Tags,
    IReadOnlyList<ArticleSection> Sections)
{
    /// <summary>The whole file as written, front matter included (copied into runbook sites).</summary>
    public string Text { get; init; } = "";

    /// <summary>The section under a heading such as "Verification" (case-insensitive), or null.</summary>
    public string? Section(string heading) =>
        Sections.FirstOrDefault(s => string.Equals(s.Heading, heading, StringComparison.OrdinalIgnoreCase))?.Markdown;
}

public sealed record ArticleSection(string Heading, string Markdown);
