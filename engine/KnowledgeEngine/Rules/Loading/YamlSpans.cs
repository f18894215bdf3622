using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace KnowledgeEngine.Rules.Loading;

/// <summary>Positions of YAML nodes in the file, as the diagnostics want them.</summary>
internal static class YamlSpans
{
    public static SourceSpan Of(string file, YamlNode node) => Of(file, node.Start, node.End);

    public static SourceSpan Of(string file, Mark start, Mark end) =>
        new(file, (int)start.Line, (int)start.Column, (int)end.Line, (int)end.Column);

    public static SourceSpan Point(string file, Mark at) => Of(file, at, at);

    /// <summary>Where the first character of a scalar's text sits: after the quote of a quoted
    /// scalar; on the first content line of a block scalar.</summary>
    public static SourceSpan ContentOrigin(SourceSpan scalar, IReadOnlyList<string> lines)
    {
        var text = scalar.Line - 1 < lines.Count ? lines[scalar.Line - 1] : "";
        var first = scalar.Column - 1 < text.Length ? text[scalar.Column - 1] : ' ';
        if (first is '\'' or '"')
        {
            return scalar with { Column = scalar.Column + 1 };
        }

        if (first is '|' or '>')
        {
            var next = scalar.Line < lines.Count ? lines[scalar.Line] : "";
            return scalar with { Line = scalar.Line + 1, Column = next.Length - next.TrimStart(' ').Length + 1 };
        }

        return scalar;
    }

    public static string Describe(YamlNode node) => node switch
    {
        YamlMappingNode => "a mapping",
        YamlSequenceNode => "a list",
        YamlScalarNode { Value: null or "" } => "nothing",
        YamlScalarNode s => $"'{s.Value}'",
        _ => "an alias",
    };
}
