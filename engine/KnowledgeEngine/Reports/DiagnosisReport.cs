using KnowledgeEngine.Diagnosis;
using KnowledgeEngine.Reports.Model;
using KnowledgeEngine.Runbooks;
using Spectre.Console;

namespace KnowledgeEngine.Reports;

/// <summary>
/// A diagnosis ready to print, in any of kb's formats: the table for people, JSON
/// (<see cref="JsonSchema"/>, docs/output.md), the Markdown runbook and the same as one HTML page.
/// The report model is built once; every format reads it, so they cannot disagree.
/// </summary>
public sealed class DiagnosisReport
{
    public const string JsonSchema = JsonReport.Schema;

    private DiagnosisReport(DiagnosisReportModel model) => Model = model;

    internal DiagnosisReportModel Model { get; }

    /// <summary>The report of <paramref name="result"/>, linking each cause to its article in
    /// <paramref name="articles"/>; with <paramref name="ruleId"/>, only that rule's causes. The
    /// Markdown and HTML hold the linked articles, so they have no dead link wherever they are
    /// saved; with <paramref name="site"/> (the URL of a runbook site written by
    /// <c>kb runbook --all</c>, or its folder relative to the report) they link to its pages instead.</summary>
    public static DiagnosisReport Of(DiagnosisResult result, ArticleLibrary? articles = null, string? ruleId = null, string? site = null) =>
        new(DiagnosisReportBuilder.Build(result, articles ?? ArticleLibrary.Empty, ruleId is null ? null : h => h.RuleId == ruleId, site));

    public string ToJson() => JsonReport.Render(Model);

    /// <summary>The diagnosis runbook, through the built-in template unless given another.</summary>
    public string ToMarkdown(RunbookTemplate? template = null) => (template ?? RunbookTemplate.Diagnosis).Render(Model);

    /// <summary>The runbook as one self-contained page, titled by its first heading.</summary>
    public string ToHtml(RunbookTemplate? template = null)
    {
        var markdown = ToMarkdown(template);
        return HtmlPage.Render(markdown, HtmlPage.TitleOf(markdown, $"Diagnosis of {Model.Bundle.Name}"));
    }

    /// <summary>The ranked table and each cause's evidence and fix; with <paramref name="explain"/>,
    /// how each confidence was reached and the values the rules captured.</summary>
    public void WriteTable(IAnsiConsole console, bool explain) => TableReport.Write(console, Model, explain);
}
