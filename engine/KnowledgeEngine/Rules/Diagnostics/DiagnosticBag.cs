namespace KnowledgeEngine.Rules;

/// <summary>
/// Collects the diagnostics of a load so every mistake of a file is reported in one pass
/// instead of stopping at the first.
/// </summary>
internal sealed class DiagnosticBag
{
    private readonly List<Diagnostic> _items = [];

    /// <summary>The diagnostics ordered by file, line and column (stable for equal positions).</summary>
    public IReadOnlyList<Diagnostic> Items =>
        _items
            .OrderBy(d => d.Span.File, StringComparer.Ordinal)
            .ThenBy(d => d.Span.Line)
            .ThenBy(d => d.Span.Column)
            .ToList();

    public bool HasErrors => ErrorCount > 0;

    public int ErrorCount { get; private set; }

    public void Add(Diagnostic diagnostic)
    {
        ArgumentNullException.ThrowIfNull(diagnostic);
        _items.Add(diagnostic);
        if (diagnostic.Severity == DiagnosticSeverity.Error)
        {
            ErrorCount++;
        }
    }

    /// <summary>Adds another bag's diagnostics in the order they were reported there.</summary>
    internal void AddRange(DiagnosticBag other)
    {
        foreach (var diagnostic in other._items)
        {
            Add(diagnostic);
        }
    }

    public void Error(string code, SourceSpan span, string message, string? fix = null) =>
        Add(new Diagnostic(code, DiagnosticSeverity.Error, span, message, fix));

    public void Warning(string code, SourceSpan span, string message, string? fix = null) =>
        Add(new Diagnostic(code, DiagnosticSeverity.Warning, span, message, fix));
}
