using Markdig;
using Markdig.Extensions.Yaml;
using Markdig.Syntax;
using KnowledgeEngine.Rules;
using YamlDotNet.RepresentationModel;

namespace KnowledgeEngine.Runbooks;

/// <summary>Parses an article with Markdig: YAML front matter for the metadata, level-2 headings
/// for the sections (the text between two headings is sliced from the source unchanged, so links
/// and code blocks survive as written). A front matter that cannot be read is a diagnostic (the article
/// is kept without its metadata), so every broken article of a knowledge base is reported at once.</summary>
internal static class ArticleReader
{
    /// <summary>The code of an article whose front matter is not valid YAML.</summary>
    public const string BadFrontMatter = "KB070";

    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UseYamlFrontMatter().Build();

    public static KnowledgeArticle Read(string relativePath, string markdown, DiagnosticBag problems)
    {
        var document = Markdown.Parse(markdown, Pipeline);
        var front = document.Descendants<YamlFrontMatterBlock>().FirstOrDefault();
        var meta = front is null ? null : ParseFrontMatter(front.Lines.ToString(), relativePath, problems);
        var headings = document.OfType<HeadingBlock>().Where(h => h.Level == 2).ToList();
        var sections = new List<ArticleSection>();
        for (var i = 0; i < headings.Count; i++)
        {
            var start = headings[i].Span.End + 1;
            var end = i + 1 < headings.Count ? headings[i + 1].Span.Start : markdown.Length;
            var text = start < end ? markdown[start..end].Trim('\r', '\n') : "";
            sections.Add(new ArticleSection(HeadingText(headings[i]), text.TrimEnd() + "\n"));
        }

        var title = Scalar(meta, "title") ?? document.OfType<HeadingBlock>().FirstOrDefault(h => h.Level == 1) switch
        {
            { } h => HeadingText(h),
            null => Path.GetFileNameWithoutExtension(relativePath),
        };
        return new KnowledgeArticle(relativePath.Replace('\\', '/'), title, Scalar(meta, "platform"), Scalar(meta, "component"),
            Sequence(meta, "rules"), Scalar(meta, "source"), Sequence(meta, "tags"), sections) { Text = markdown };
    }

    private static YamlMappingNode? ParseFrontMatter(string yaml, string path, DiagnosticBag problems)
    {
        const string fix = "fix it so the article's rules and title can be read";
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(yaml));
            return stream.Documents.FirstOrDefault()?.RootNode as YamlMappingNode;
        }
        catch (YamlDotNet.Core.YamlException e)
        {
            // The front matter starts on line 2, after its opening '---'.
            var line = (int)e.Start.Line + 1;
            problems.Error(BadFrontMatter, new SourceSpan(path, line, (int)e.Start.Column, line, (int)e.Start.Column),
                $"the front matter is not valid YAML ({e.Message})", fix);
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException)
        {
            // YamlDotNet's scanner can fail on mangled bytes without a YamlException.
            problems.Error(BadFrontMatter, new SourceSpan(path, 1, 1, 1, 1), $"the front matter is not valid YAML (the parser stopped: {e.Message.TrimEnd('.')})", fix);
        }
        return null;
    }

    private static string HeadingText(HeadingBlock heading) =>
        heading.Inline is null ? "" : string.Concat(heading.Inline.Descendants<Markdig.Syntax.Inlines.LiteralInline>().Select(l => l.Content.ToString()));

    private static string? Scalar(YamlMappingNode? map, string key) =>
        map is not null && map.Children.TryGetValue(new YamlScalarNode(key), out var node) && node is YamlScalarNode s ? s.Value : null;

    private static IReadOnlyList<string> Sequence(YamlMappingNode? map, string key) =>
        map is not null && map.Children.TryGetValue(new YamlScalarNode(key), out var node) && node is YamlSequenceNode seq
            ? seq.Children.OfType<YamlScalarNode>().Select(s => s.Value ?? "").ToArray()
            : [];
}
