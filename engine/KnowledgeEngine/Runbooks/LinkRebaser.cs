using System.Text;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace KnowledgeEngine.Runbooks;

/// <summary>
/// Moves an article's Markdown to another page: each relative link is re-pointed from the
/// article's folder to where <see cref="PageLinks"/> says that page is reached from the new one,
/// and a link whose target cannot be reached loses its brackets (the text stays), so a runbook
/// never carries a dead link. Absolute URLs and fragments are left alone; a link's fragment is
/// kept unless the target is itself an anchor in the page.
/// </summary>
internal static class LinkRebaser
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UsePreciseSourceLocation().Build();

    public static string Rebase(string markdown, string fromPage, PageLinks to)
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
            if (target is not null && to.Href(target) is { } href)
            {
                edits.Add((link.UrlSpan.Start, link.UrlSpan.End, href.Contains('#') ? href : href + fragment));
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
