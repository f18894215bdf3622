namespace KnowledgeEngine.Rules.Expressions;

/// <summary>
/// Turns offsets in an expression into spans, relative ones for the AST and file ones for
/// diagnostics.
/// </summary>
internal sealed class SourceText
{
    private readonly int[] _lineStarts;

    public SourceText(string text, SourceSpan origin)
    {
        Text = text;
        Origin = origin;
        var starts = new List<int> { 0 };
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n')
            {
                starts.Add(i + 1);
            }
        }

        _lineStarts = [.. starts];
    }

    public string Text { get; }

    public SourceSpan Origin { get; }

    public SourceSpan Span(int start, int end)
    {
        var (line, column) = Position(start);
        var (endLine, endColumn) = Position(end);
        return new SourceSpan(Origin.File, line, column, endLine, endColumn);
    }

    public SourceSpan FileSpan(int start, int end) => SpanMapping.ToFile(Span(start, end), Origin);

    /// <summary>The offset of a relative line and column; the inverse of <see cref="Span"/>.</summary>
    public int Offset(int line, int column) => _lineStarts[line - 1] + column - 1;

    private (int Line, int Column) Position(int offset)
    {
        var index = Array.BinarySearch(_lineStarts, offset);
        var line = index >= 0 ? index : ~index - 1;
        return (line + 1, offset - _lineStarts[line] + 1);
    }
}

internal static class SpanMapping
{
    /// <summary>
    /// Places a span relative to an expression into the file. Only the first line of the
    /// expression is shifted by the origin's column: later lines of a block scalar start at
    /// the indentation the YAML reader removed, which the origin does not carry.
    /// </summary>
    public static SourceSpan ToFile(SourceSpan relative, SourceSpan origin) => new(
        origin.File,
        origin.Line + relative.Line - 1,
        relative.Line == 1 ? origin.Column + relative.Column - 1 : relative.Column,
        origin.Line + relative.EndLine - 1,
        relative.EndLine == 1 ? origin.Column + relative.EndColumn - 1 : relative.EndColumn);
}
