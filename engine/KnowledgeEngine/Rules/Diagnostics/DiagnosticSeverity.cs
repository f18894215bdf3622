namespace KnowledgeEngine.Rules;

/// <summary>How bad a <see cref="Diagnostic"/> is; only errors stop a rule from loading.</summary>
public enum DiagnosticSeverity
{
    Error,
    Warning,
    Info,
}
