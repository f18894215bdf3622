using System.Net;
using Markdig;
using Markdig.Extensions.AutoIdentifiers;
using Markdig.Renderers;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace KnowledgeEngine.Runbooks;

/// <summary>
/// Markdown as one self-contained HTML page: the style is inline and nothing is fetched, so the
/// file reads the same offline, from a mail attachment or a ticket. Raw HTML in the Markdown is
/// shown as text (bundle lines and article text must not turn into markup), relative links
/// to .md pages point to their .html twins, and headings get GitHub's ids (<see cref="Anchors"/>).
/// </summary>
public static class HtmlPage
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UseYamlFrontMatter().UsePipeTables().UseAutoIdentifiers(AutoIdentifierOptions.GitHub).DisableHtml().Build();

    private const string Style = """
        body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;line-height:1.5;color:#1f2328;background:#fff}
        h1,h2,h3{line-height:1.25}h1{border-bottom:1px solid #d1d9e0;padding-bottom:.3em}h2{border-bottom:1px solid #d1d9e0;padding-bottom:.2em;margin-top:2em}
        code{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.9em;background:#f2f4f6;padding:.1em .3em;border-radius:4px;overflow-wrap:anywhere}
        pre{background:#f2f4f6;padding:.8em;border-radius:6px;overflow-x:auto}pre code{padding:0;background:none}
        table{border-collapse:collapse;margin:1em 0}th,td{border:1px solid #d1d9e0;padding:.3em .6em;text-align:left;vertical-align:top}
        blockquote{margin:1em 0;padding:.2em 1em;border-left:4px solid #d4a72c;background:#fff8c5}
        a{color:#0969da}strong>code{background:#fff3b0}
        """;

    public static string Render(string markdown, string title)
    {
        var document = Markdown.Parse(markdown, Pipeline);
        foreach (var link in document.Descendants<LinkInline>())
        {
            link.Url = ToHtmlLink(link.Url);
        }

        using var body = new StringWriter { NewLine = "\n" };
        var renderer = new HtmlRenderer(body);
        Pipeline.Setup(renderer);
        renderer.Render(document);
        return $"""
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{WebUtility.HtmlEncode(title)}</title>
            <style>
            {Style}
            </style>
            </head>
            <body>
            {body.ToString().TrimEnd('\n')}
            </body>
            </html>

            """;
    }

    /// <summary>The first level-1 heading's text, the page title by convention.</summary>
    public static string TitleOf(string markdown, string fallback)
    {
        var heading = Markdown.Parse(markdown, Pipeline).Descendants<HeadingBlock>().FirstOrDefault(h => h.Level == 1);
        var text = heading?.Inline is null ? null : string.Concat(heading.Inline.Descendants<LiteralInline>().Select(l => l.Content.ToString()));
        return string.IsNullOrWhiteSpace(text) ? fallback : text;
    }

    private static string? ToHtmlLink(string? url)
    {
        if (url is null || !LinkRebaser.IsRelative(url))
        {
            return url;
        }

        var hash = url.IndexOf('#');
        var file = hash < 0 ? url : url[..hash];
        return file.EndsWith(".md", StringComparison.OrdinalIgnoreCase) ? file[..^3] + ".html" + url[file.Length..] : url;
    }
}
