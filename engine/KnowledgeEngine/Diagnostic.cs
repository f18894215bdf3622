namespace KnowledgeEngine;

/// <summary>One problem found in any layer (loading rules or articles, reading a bundle, running the
/// rules): what is wrong, where, and how to mend it.</summary>
/// <param name="Code">Stable identifier such as <c>KB104</c>, documented in docs/ (rule-language.md for
/// KB0xx and KB1xx, facts.md for KB2xx, output.md for KB3xx).</param>
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
