using KnowledgeEngine.Rules;
using KnowledgeEngine.Runbooks.Model;

namespace KnowledgeEngine.Runbooks;

/// <summary>One file of a runbook site: its path relative to the site root ('/' separators).</summary>
public sealed record SitePage(string Path, string Content);

/// <summary>
/// The browsable set of every rule's runbook: Markdown and HTML per rule at
/// <c>&lt;rule-id&gt;.md/.html</c>, the linked articles under <c>knowledge/</c> (so "read the
/// article" works offline), and <c>index.md/.html</c> by platform and component. Built in memory;
/// the caller writes it. Every relative link between the pages resolves.
/// </summary>
public static class RunbookSite
{
    public static IReadOnlyList<SitePage> Build(IEnumerable<LoadedRule> rules, ArticleLibrary articles, RunbookTemplate? ruleTemplate = null)
    {
        var ordered = rules.OrderBy(r => r.Id, StringComparer.Ordinal).ToList();
        var renderer = new RunbookRenderer(articles);
        var markdown = new List<SitePage>();
        var exists = articles.Articles.Select(a => SiteLinks.ArticlePath(a.RelativePath))
            .Concat(ordered.Select(r => SiteLinks.RunbookPath(r.Id))).Append(SiteLinks.IndexPath).ToHashSet(StringComparer.Ordinal);
        foreach (var rule in ordered)
        {
            var path = SiteLinks.RunbookPath(rule.Id);
            markdown.Add(new SitePage(path, renderer.RenderRule(rule, PageLinks.InSite(new SiteLinks(path), exists.Contains), ruleTemplate)));
        }

        foreach (var article in articles.Articles.OrderBy(a => a.RelativePath, StringComparer.Ordinal))
        {
            var path = SiteLinks.ArticlePath(article.RelativePath);
            markdown.Add(new SitePage(path, ArticlePage(article.Text, path, exists)));
        }

        markdown.Add(new SitePage(SiteLinks.IndexPath, RunbookTemplate.Index.Render(Index(ordered, articles))));
        return markdown.SelectMany(page => new[] { page, new SitePage(page.Path[..^3] + ".html", HtmlPage.Render(page.Content, HtmlPage.TitleOf(page.Content, page.Path))) })
            .ToList();
    }

    private static IndexModel Index(IReadOnlyList<LoadedRule> rules, ArticleLibrary articles)
    {
        var index = new SiteLinks(SiteLinks.IndexPath);
        var platforms = rules
            .GroupBy(r => r.Platform, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(p => new PlatformView(p.Key, Anchors.Of(p.Key), p
                .GroupBy(r => Component(r, articles), StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(c => new ComponentView(c.Key, c.Select(r => new IndexEntryView(r.Id, r.Title,
                    r.Severity.ToString().ToLowerInvariant(), index.Href(SiteLinks.RunbookPath(r.Id)))).ToList()))
                .ToList()))
            .ToList();
        var all = articles.Articles.OrderBy(a => a.RelativePath, StringComparer.Ordinal)
            .Select(a => new ArticleEntryView(a.Title, a.Platform ?? a.RelativePath.Split('/')[0], index.Href(SiteLinks.ArticlePath(a.RelativePath)))).ToList();
        return new IndexModel(rules.Count, platforms, all);
    }

    /// <summary>The article as written, its links rebased, with a link back to the index after its
    /// front matter and title.</summary>
    private static string ArticlePage(string text, string path, HashSet<string> exists)
    {
        var links = new SiteLinks(path);
        var markdown = LinkRebaser.Rebase(text, path, PageLinks.InSite(links, exists.Contains)).ReplaceLineEndings("\n");
        var at = FrontMatterEnd(markdown);
        var rest = markdown[at..].TrimStart('\n');
        if (rest.StartsWith("# ", StringComparison.Ordinal))
        {
            var end = markdown.IndexOf('\n', markdown.Length - rest.Length);
            at = end < 0 ? markdown.Length : end + 1;
        }

        return markdown[..at] + (at == 0 ? "" : "\n") + $"[← All runbooks]({links.Href(SiteLinks.IndexPath)})\n\n" + markdown[at..].TrimStart('\n');
    }

    /// <summary>Where the text after a leading YAML front matter block starts (0 without one).</summary>
    private static int FrontMatterEnd(string markdown)
    {
        if (!markdown.StartsWith("---\n", StringComparison.Ordinal))
        {
            return 0;
        }

        var close = markdown.IndexOf("\n---\n", 3, StringComparison.Ordinal);
        return close < 0 ? 0 : close + 5;
    }

    /// <summary>The article's component; rules without one are grouped as "general".</summary>
    private static string Component(LoadedRule rule, ArticleLibrary articles) =>
        articles.For(rule)?.Component ?? "general";
}
