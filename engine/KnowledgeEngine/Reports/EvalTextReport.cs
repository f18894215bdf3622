using System.Globalization;
using System.Text;
using KnowledgeEngine.Evaluation;

namespace KnowledgeEngine.Reports;

/// <summary>kb eval for people: one line per case (expected cause, verdicts, the rules' top three with
/// status and confidence, the baseline's first article), then the totals beside the retrieval baseline,
/// per platform, and the confusion table. Plain text, so a CI log shows it as is.</summary>
public static class EvalTextReport
{
    public static string Render(EvalReport report)
    {
        var text = new StringBuilder();
        var idWidth = Math.Min(60, report.Results.Max(r => r.Case.Id.Length));
        var expectWidth = Math.Max(6, report.Results.Max(r => (r.Case.Expect ?? "none").Length));
        text.AppendLine($"{"case".PadRight(idWidth)}  {"expect".PadRight(expectWidth)}  {"rules",-11}  {"retrieval",-11}  rules: top 3 (status confidence) | retrieval: first article");
        foreach (var result in report.Results)
        {
            var causes = result.Causes.Count == 0 ? "no cause"
                : string.Join(", ", result.Causes.Select(c => $"{c.RuleId} ({c.Status.ToString().ToLowerInvariant()} {c.Confidence.ToString("0.00", CultureInfo.InvariantCulture)})"));
            var article = result.Articles.Count == 0 ? "none" : $"{result.Articles[0].Path} ({result.Articles[0].Score.ToString("0.0", CultureInfo.InvariantCulture)})";
            text.AppendLine($"{Cut(result.Case.Id, idWidth).PadRight(idWidth)}  {(result.Case.Expect ?? "none").PadRight(expectWidth)}  {Word(result.Rules),-11}  {Word(result.Retrieval),-11}  {causes} | {article}");
        }

        text.AppendLine();
        var all = report.Overall;
        text.AppendLine($"{all.Cases} cases: {all.Expecting} expect a cause, {all.ExpectingNone} expect none");
        text.AppendLine($"{"",-14}{"rules",-16}retrieval baseline (BM25 over the articles, no rules)");
        text.AppendLine($"{"top-1",-14}{Fraction(all.Rules.Top1, all.Expecting),-16}{Fraction(all.Retrieval.Top1, all.Expecting)}");
        text.AppendLine($"{"top-3",-14}{Fraction(all.Rules.Top3, all.Expecting),-16}{Fraction(all.Retrieval.Top3, all.Expecting)}");
        text.AppendLine($"{"false claims",-14}{Fraction(all.Rules.FalseClaims, all.ExpectingNone),-16}{Fraction(all.Retrieval.FalseClaims, all.ExpectingNone)}");
        text.AppendLine();
        text.AppendLine($"{"platform",-12}{"cases",6}{"expect",8}  {"rules top-1",-12}{"top-3",-8}{"false",-8}  {"baseline top-1",-15}{"top-3",-8}false");
        foreach (var p in report.Platforms)
        {
            text.AppendLine($"{p.Group,-12}{p.Cases,6}{p.Expecting,8}  {p.Rules.Top1,-12}{p.Rules.Top3,-8}{p.Rules.FalseClaims,-8}  {p.Retrieval.Top1,-15}{p.Retrieval.Top3,-8}{p.Retrieval.FalseClaims}");
        }

        text.AppendLine();
        text.AppendLine("confusion (expected × ranked first by the rules):");
        var width = Math.Max(8, report.Confusion.Max(c => c.Expected.Length));
        foreach (var cell in report.Confusion)
        {
            text.AppendLine($"  {cell.Expected.PadRight(width)}  →  {cell.RankedFirst}: {cell.Cases}");
        }

        return text.ToString();
    }

    internal static string Word(Verdict verdict) => verdict switch
    {
        Verdict.Hit => "hit",
        Verdict.Top3 => "top-3",
        Verdict.Miss => "miss",
        Verdict.Quiet => "quiet",
        _ => "false claim",
    };

    /// <summary>"3/10 (30%)", or "0/0" when no case is in the denominator.</summary>
    internal static string Fraction(int count, int of) =>
        of == 0 ? "0/0" : $"{count}/{of} ({(100.0 * count / of).ToString("0", CultureInfo.InvariantCulture)}%)";

    private static string Cut(string id, int width) => id.Length <= width ? id : id[..(width - 1)] + "…";
}
