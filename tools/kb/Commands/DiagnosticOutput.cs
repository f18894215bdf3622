using System.Text.Encodings.Web;
using System.Text.Json;
using KnowledgeEngine.Rules;

namespace KnowledgeEngine.Cli.Commands;

/// <summary>Prints diagnostics as compiler-style lines or as a JSON array for editors and CI.</summary>
internal static class DiagnosticOutput
{
    public static void WriteText(TextWriter output, IEnumerable<Diagnostic> diagnostics)
    {
        foreach (var diagnostic in diagnostics)
        {
            output.WriteLine(diagnostic);
        }
    }

    public static void WriteJson(TextWriter output, IEnumerable<Diagnostic> diagnostics)
    {
        var items = diagnostics.Select(d => new
        {
            file = d.Span.File,
            line = d.Span.Line,
            column = d.Span.Column,
            endLine = d.Span.EndLine,
            endColumn = d.Span.EndColumn,
            severity = d.Severity.ToString().ToLowerInvariant(),
            code = d.Code,
            message = d.Message,
            fix = d.Fix,
        });
        output.WriteLine(JsonSerializer.Serialize(items, new JsonSerializerOptions { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
    }

    public static string Count(int n, string what) => $"{n} {what}{(n == 1 ? "" : "s")}";
}
