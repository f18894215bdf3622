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
    /// <paramref name="articles"/>; with <paramref name="ruleId"/>, only that rule's causes. With
    /// <paramref name="explain"/>, every format adds how each cause was reached: each condition and
    /// what it matched, the confidence steps, the rank score and the captured values. The
    /// Markdown and HTML hold the linked articles, so they have no dead link wherever they are
    /// saved; with <paramref name="site"/> (the URL of a runbook site written by
    /// <c>kb runbook --all</c>, or its folder relative to the report) they link to its pages instead.</summary>
    public static DiagnosisReport Of(DiagnosisResult result, ArticleLibrary? articles = null, string? ruleId = null, bool explain = false, string? site = null) =>
        new(DiagnosisReportBuilder.Build(result, articles ?? ArticleLibrary.Empty, ruleId is null ? null : h => h.RuleId == ruleId, site) with { Explain = explain });

    public string ToJson() => JsonReport.Render(Model);

    /// <summary>The diagnosis runbook, through the built-in template unless given another.</summary>
    public string ToMarkdown(RunbookTemplate? template = null) => (template ?? RunbookTemplate.Diagnosis).Render(Model);

    /// <summary>The runbook as one self-contained page, titled by its first heading.</summary>
    public string ToHtml(RunbookTemplate? template = null)
    {
        var markdown = ToMarkdown(template);
        return HtmlPage.Render(markdown, HtmlPage.TitleOf(markdown, $"Diagnosis of {Model.Bundle.Name}"));
    }

    /// <summary>The ranked table and each cause's evidence and fix (and, explained, how each was reached).</summary>
    public void WriteTable(IAnsiConsole console) => TableReport.Write(console, Model, Model.Explain);
}
