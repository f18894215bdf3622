namespace KnowledgeEngine.Facts;

/// <summary>Something the reader skipped, cut or refused while the rest of the bundle was still read.</summary>
public sealed record BundleDiagnostic(DiagnosticSeverity Severity, string Path, string Message)
{
    /// <summary>The 1-based line the diagnostic points at, when it points at one (the message names it too).</summary>
    public int? Line { get; init; }

    public override string ToString() => $"{Severity.ToString().ToLowerInvariant()}: {Message}";
}
