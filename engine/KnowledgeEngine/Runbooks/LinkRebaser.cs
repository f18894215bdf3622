using System.Text;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace KnowledgeEngine.Runbooks;

/// <summary>
/// Moves an article's Markdown to another page: each relative link is re-pointed from the
/// article's folder to the page's, and a link whose target is not part of the site loses its
/// brackets (the text stays), so a runbook never carries a dead link. Absolute URLs and
/// fragments are left alone.
/// </summary>
internal static class LinkRebaser
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UsePreciseSourceLocation().Build();

    public static string Rebase(string markdown, string fromPage, SiteLinks to, Func<string, bool> exists)
    {
        var document = Markdown.Parse(markdown, Pipeline);
        var edits = new List<(int Start, int End, string Text)>();
        foreach (var link in document.Descendants<LinkInline>())
        {
            if (link.Url is not { } url || !IsRelative(url) || link.UrlSpan.IsEmpty)
            {
                continue;
            }

            var hash = url.IndexOf('#');
            var (file, fragment) = hash < 0 ? (url, "") : (url[..hash], url[hash..]);
            var target = SiteLinks.Resolve(fromPage, file);
            if (target is not null && exists(target))
            {
                edits.Add((link.UrlSpan.Start, link.UrlSpan.End, to.Href(target) + fragment));
            }
            else if (!link.IsImage)
            {
                var text = link.FirstChild is null ? url : markdown[link.FirstChild.Span.Start..(link.LastChild!.Span.End + 1)];
                edits.Add((link.Span.Start, link.Span.End, text));
            }
        }

        var result = new StringBuilder(markdown);
        foreach (var (start, end, text) in edits.OrderByDescending(e => e.Start))
        {
            result.Remove(start, end - start + 1).Insert(start, text);
        }

        return result.ToString();
    }

    /// <summary>A link into the site: no scheme, not a bare fragment, not site-absolute.</summary>
    public static bool IsRelative(string url) =>
        url.Length > 0 && url[0] is not ('#' or '/') && !url.Contains(':');
}
