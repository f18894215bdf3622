namespace KnowledgeEngine.Rules;

/// <summary>
/// A region of a source file. Lines and columns are 1-based; <see cref="EndColumn"/> is the
/// column just after the last character, so an empty span has <c>EndColumn == Column</c>.
/// </summary>
public readonly record struct SourceSpan(string File, int Line, int Column, int EndLine, int EndColumn)
{
    /// <summary>The start position as <c>file:line:col</c>, the form editors and CI systems link.</summary>
    public override string ToString() => $"{File}:{Line}:{Column}";
}
