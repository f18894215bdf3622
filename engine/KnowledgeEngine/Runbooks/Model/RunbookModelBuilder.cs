using KnowledgeEngine.Rules;
using KnowledgeEngine.Rules.Compilation;
using KnowledgeEngine.Rules.Model;

namespace KnowledgeEngine.Runbooks.Model;

/// <summary>Builds the template models of rules and their articles for one page: links in the
/// models are relative to <paramref name="page"/>. The diagnosis report reuses its rule and article views.</summary>
internal sealed class RunbookModelBuilder(ArticleLibrary articles, PageLinks page)
{
    /// <summary>Links for a page printed alone: to the articles as they sit in the repository
    /// (<c>knowledge/&lt;platform&gt;/&lt;article&gt;.md</c>), no index.</summary>
    public static PageLinks Repository(ArticleLibrary articles)
    {
        var paths = articles.Articles.Select(a => SiteLinks.ArticlePath(a.RelativePath)).ToHashSet(StringComparer.Ordinal);
        return PageLinks.InSite(SiteLinks.Root, paths.Contains);
    }

    public RuleRunbookModel ForRule(LoadedRule rule) => new(Rule(rule), Article(rule)) { IndexHref = page.Href(SiteLinks.IndexPath) };

    internal static RuleView Rule(LoadedRule rule) => new(
        rule.Id,
        rule.Title,
        rule.Platform,
        rule.Severity.ToString().ToLowerInvariant(),
        Unfilled(rule.Cause.Summary),
        rule.Cause.Detail is { } detail ? Unfilled(detail) : null,
        rule.Prior,
        rule.Knowledge,
        rule.Tags,
        rule.When.Select(c => c.Description).ToList(),
        rule.Evidence.Select(Expected).ToList(),
        rule.Against.Select(Expected).ToList(),
        rule.Fix.Select(Unfilled).ToList(),
        rule.Verify.Select(Unfilled).ToList());

    internal static ExpectedView Expected(LoadedCondition c) => new(c.Description, c.Weight, c.Collect);

    /// <summary>The step as written, each placeholder shown as &lt;name.field&gt; for the reader to fill.</summary>
    private static string Unfilled(Template step) => Templates.Render(step, _ => null);

    internal ArticleView? Article(LoadedRule rule)
    {
        var article = articles.For(rule);
        if (article is null)
        {
            return null;
        }

        var from = SiteLinks.ArticlePath(article.RelativePath);
        // Sections lose their final newline so the template alone decides the spacing around them.
        string Rebase(string md) => LinkRebaser.Rebase(md, from, page).TrimEnd('\n');
        string? Section(string heading) => article.Section(heading) is { } md ? Rebase(md) : null;
        return new ArticleView(
            article.Title,
            page.Href(from),
            article.Component,
            article.Source,
            Section("Symptoms"),
            Section("Background"),
            Section("Cause"),
            Section("Diagnosis steps"),
            Section("Fix"),
            Section("Verification"),
            Section("Prevention"),
            Section("Related"),
            article.Sections.Select(s => new SectionView(s.Heading, Rebase(s.Markdown))).ToList());
    }
}
