namespace KnowledgeEngine;

/// <summary>
/// A region of a source file: a rule file, a template, a file of a bundle. Lines and columns are
/// 1-based; <see cref="EndColumn"/> is the column just after the last character, so an empty span
/// has <c>EndColumn == Column</c>. A line of 0 stands for the whole file and a column of 0 for the
/// whole line (what bundle readers can say about a log file or one of its lines).
/// </summary>
public readonly record struct SourceSpan(string File, int Line, int Column, int EndLine, int EndColumn)
{
    /// <summary>The whole of <paramref name="file"/>.</summary>
    public static SourceSpan OfFile(string file) => new(file, 0, 0, 0, 0);

    /// <summary>Line <paramref name="line"/> of <paramref name="file"/>, or the whole file when null.</summary>
    public static SourceSpan OfLine(string file, int? line) => line is { } at ? new(file, at, 0, at, 0) : OfFile(file);

    /// <summary>The start position as <c>file:line:col</c> (or <c>file:line</c>, <c>file</c>), the
    /// form editors and CI systems link.</summary>
    public override string ToString() => Line <= 0 ? File : Column <= 0 ? $"{File}:{Line}" : $"{File}:{Line}:{Column}";
}
