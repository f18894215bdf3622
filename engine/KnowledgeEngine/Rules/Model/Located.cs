namespace KnowledgeEngine.Rules.Model;

/// <summary>A value read from a rule file with the span it was written at, so every later check
/// can point at the exact key or scalar.</summary>
internal sealed record Located<T>(T Value, SourceSpan Span)
{
    public override string ToString() => Value?.ToString() ?? "";
}
