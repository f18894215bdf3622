namespace KnowledgeEngine.Rules;

/// <summary>One problem found while loading rules: what is wrong, where, and how to mend it.</summary>
/// <param name="Code">Stable identifier such as <c>KB104</c>, documented in docs/.</param>
/// <param name="Fix">How to mend it, or null when there is nothing useful to suggest.</param>
public sealed record Diagnostic(string Code, DiagnosticSeverity Severity, SourceSpan Span, string Message, string? Fix)
{
    /// <summary>The one-line form <c>file:line:col: error KB104: message — fix</c>.</summary>
    public override string ToString()
    {
        var severity = Severity switch
        {
            DiagnosticSeverity.Error => "error",
            DiagnosticSeverity.Warning => "warning",
            _ => "info",
        };
        var text = $"{Span}: {severity} {Code}: {Message}";
        return Fix is null ? text : $"{text} — {Fix}";
    }
}
