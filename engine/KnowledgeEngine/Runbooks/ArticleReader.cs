using Markdig;
using Markdig.Extensions.Yaml;
using Markdig.Syntax;
using YamlDotNet.RepresentationModel;

namespace KnowledgeEngine.Runbooks;

/// <summary>Parses an article with Markdig: YAML front matter for the metadata, level-2 headings
/// for the sections (the text between two headings is sliced from the source unchanged, so links
/// and code blocks survive as written).</summary>
internal static class ArticleReader
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UseYamlFrontMatter().Build();

    public static KnowledgeArticle Read(string relativePath, string markdown)
    {
        var document = Markdown.Parse(markdown, Pipeline);
        var front = document.Descendants<YamlFrontMatterBlock>().FirstOrDefault();
        var meta = front is null ? null : ParseFrontMatter(front.Lines.ToString(), relativePath);
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

    private static YamlMappingNode? ParseFrontMatter(string yaml, string path)
    {
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(yaml));
            return stream.Documents.FirstOrDefault()?.RootNode as YamlMappingNode;
        }
        catch (YamlDotNet.Core.YamlException e)
        {
            throw new KnowledgeException($"{path}:{e.Start.Line + 1}:{e.Start.Column}: the front matter is not valid YAML ({e.Message}) — fix it so the article's rules and title can be read.");
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException)
        {
            // YamlDotNet's scanner can fail on mangled bytes without a YamlException.
            throw new KnowledgeException($"{path}: the front matter is not valid YAML (the parser stopped: {e.Message.TrimEnd('.')}) — fix it so the article's rules and title can be read.");
        }
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

/// <summary>The knowledge base's articles cannot be read; the message names the file and the fix.</summary>
public sealed class KnowledgeException(string message) : Exception(message);
