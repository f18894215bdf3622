namespace KnowledgeEngine;

/// <summary>How bad a reported problem is, in every layer: a rule file that cannot load (error), a file of a
/// bundle that was cut or skipped (warning), a note on how something was read (info).</summary>
public enum DiagnosticSeverity
{
    Error,
    Warning,
    Info,
}
