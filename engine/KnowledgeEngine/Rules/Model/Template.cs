namespace KnowledgeEngine.Rules.Model;

/// <summary>Text with <c>{{ name.field }}</c> placeholders filled from a rule's matched facts.</summary>
public sealed record Template(string Text, IReadOnlyList<Placeholder> Placeholders)
{
    public override string ToString() => Text;
}

/// <summary>One <c>{{ path }}</c> of a template: <see cref="Path"/> is e.g. "mac.old"; the span
/// points at the path inside the rule file.</summary>
public sealed record Placeholder(string Path, int Start, int Length, SourceSpan Span)
{
    public string Root => Path.Split('.')[0];
}
