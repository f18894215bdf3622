namespace KnowledgeEngine.Facts;

public enum DiagnosticSeverity
{
    Info,
    Warning,
}

/// <summary>Something the reader skipped, cut or refused while the rest of the bundle was still read.</summary>
public sealed record BundleDiagnostic(DiagnosticSeverity Severity, string Path, string Message)
{
    public override string ToString() => $"{Severity.ToString().ToLowerInvariant()}: {Message}";
}
