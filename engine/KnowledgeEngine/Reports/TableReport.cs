using KnowledgeEngine.Diagnosis;
using KnowledgeEngine.Reports.Model;
using Spectre.Console;

namespace KnowledgeEngine.Reports;

/// <summary>The diagnosis for people: a ranked table, then each cause's evidence, what is
/// missing and the fix with the real values.</summary>
internal static class TableReport
{
    public static void Write(IAnsiConsole console, DiagnosisReportModel report, bool explain)
    {
        var bundle = report.Bundle;
        console.MarkupLine($"[bold]bundle[/] {Markup.Escape(bundle.Name)}  [bold]platform[/] {Markup.Escape(bundle.Platform)}  " +
                           $"[bold]hosts[/] {Markup.Escape(string.Join(", ", bundle.Hosts))}  [bold]collected[/] {bundle.CollectedAtTime:yyyy-MM-dd HH:mm}");
        foreach (var warning in bundle.Warnings)
        {
            console.MarkupLine($"[yellow]{Markup.Escape(warning)}[/]");
        }

        if (report.Causes.Count == 0)
        {
            console.MarkupLine("No known cause matched this bundle." + (report.Symptoms.Count > 0
                ? $" Symptoms seen: {Markup.Escape(string.Join(", ", report.Symptoms.Select(s => s.Rule).Distinct()))}."
                : ""));
            WriteRelated(console, report);
            return;
        }

        var table = new Table().Border(TableBorder.Rounded)
            .AddColumn("#").AddColumn(new TableColumn("confidence").RightAligned()).AddColumn("status").AddColumn("cause").AddColumn("severity").AddColumn("top evidence");
        foreach (var c in report.Causes)
        {
            var top = c.Evidence.FirstOrDefault();
            table.AddRow(
                c.Rank.ToString(),
                c.ConfidencePercent,
                Status(c),
                $"[bold]{Markup.Escape(c.Rule.Title)}[/]\n[grey]{Markup.Escape(c.Rule.Id)}[/]",
                Markup.Escape(c.Rule.Severity),
                top is null ? "" : $"[grey]{Markup.Escape(Path.GetFileName(top.Location ?? ""))}[/]\n{Highlighted(Around(top, 70))}");
        }

        console.Write(table);
        foreach (var c in report.Causes)
        {
            WriteCause(console, c, explain);
        }

        if (report.NotConfirmed.Count > 0)
        {
            console.WriteLine();
            console.MarkupLine("[bold]not confirmed[/] (all required conditions but one held)");
            foreach (var n in report.NotConfirmed)
            {
                console.MarkupLine($"   {Markup.Escape(n.Rule)}: missing {Markup.Escape(n.Missing)} [grey]({Markup.Escape(n.MissingAt)})[/]");
            }
        }

        foreach (var d in report.Distinctions)
        {
            var how = d.Collect.Count == 0 ? "no rule names a deciding fact" : string.Join("; ", d.Collect);
            console.MarkupLine($"[yellow]to decide between[/] {Markup.Escape(d.First)} [yellow]and[/] {Markup.Escape(d.Second)}, collect: {Markup.Escape(how)}");
        }
    }

    private static string Status(CauseView c) => c.Status == "suspected" ? "[yellow]suspected[/]" : "confirmed";

    /// <summary>The quote with its matched text in bold (plain where the console has no styles).</summary>
    private static string Highlighted(EvidenceView e) => e.MatchLength == 0 ? Markup.Escape(e.Text)
        : Markup.Escape(e.Text[..e.MatchStart]) + "[bold]" + Markup.Escape(e.Text.Substring(e.MatchStart, e.MatchLength)) + "[/]" +
          Markup.Escape(e.Text[(e.MatchStart + e.MatchLength)..]);

    /// <summary>At most <paramref name="max"/> characters of the quote, starting at the matched text when
    /// it would not fit otherwise: the table's column shows why the rule matched, not the timestamp.</summary>
    private static EvidenceView Around(EvidenceView e, int max)
    {
        var (text, start, length) = EvidenceQuoter.Cut(e.Text, e.MatchStart, e.MatchLength, max, lead: 10);
        return e with { Text = text, MatchStart = start, MatchLength = length };
    }

    private static void WriteCause(IAnsiConsole console, CauseView c, bool explain)
    {
        console.WriteLine();
        console.MarkupLine($"[bold]{c.Rank}. {Markup.Escape(c.Rule.Title)}[/] ({c.ConfidencePercent}, {Status(c)}, {c.Rule.Severity})");
        console.MarkupLine($"   {Markup.Escape(c.Rule.Summary)}");
        if (c.Repeats > 1)
        {
            console.MarkupLine($"   [bold]repeated[/] {c.Repeats} times" +
                               (c.FirstSeenTime is { } first && c.LastSeenTime is { } last ? $", first {first:yyyy-MM-dd HH:mm:ss}, last {last:yyyy-MM-dd HH:mm:ss}" : ""));
        }

        if (c.Status == "suspected")
        {
            console.MarkupLine("   [yellow]suspected[/]: its signature holds; to confirm, collect:");
            foreach (var u in c.Unmet)
            {
                console.Write(new UnwrappedLine($"     {(u.SourceCollected ? "collected, not found" : "not collected")}: {u.Description}" +
                                                (u.Collect is null ? "" : $" — {u.Collect}")));
            }

            foreach (var part in c.DroppedJoins)
            {
                console.MarkupLine($"     [grey]join dropped (reads a condition that did not hold): {Markup.Escape(part)}[/]");
            }
        }

        console.MarkupLine("   [bold]evidence[/]");
        foreach (var e in c.Evidence)
        {
            console.MarkupLine($"     [grey]{Markup.Escape(e.Location ?? "(derived)")}[/] {Highlighted(e)}" +
                               (e.Role == "when" ? "" : $" [grey]({e.Role})[/]"));
        }

        foreach (var m in c.Missing)
        {
            console.Write(new UnwrappedLine($"   missing {m.Description}" + (m.Collect is null ? "" : $" — collect with: {m.Collect}")));
        }

        if (explain)
        {
            WriteExplanation(console, c);
        }

        console.MarkupLine("   [bold]fix[/]");
        var step = 0;
        foreach (var f in c.Fix)
        {
            console.Write(new UnwrappedLine($"     {++step}. {f}"));
        }
    }

    private static void WriteExplanation(IAnsiConsole console, CauseView c)
    {
        console.MarkupLine("   [bold]conditions[/]");
        foreach (var condition in c.Conditions)
        {
            console.MarkupLine($"     {(condition.Signature ? "signature " : "")}{Markup.Escape(condition.Description)} " +
                               $"[grey]({Markup.Escape(condition.Location)})[/] ← {Markup.Escape(condition.Matched)}");
        }

        // The quotes above are cut to 240 characters around the match; the records they come from, whole.
        foreach (var e in c.Evidence.Where(e => e.Record.Length > 0 && e.Record != e.Text))
        {
            console.MarkupLine($"   [bold]record[/] [grey]{Markup.Escape(e.Location ?? "(derived)")}[/]");
            foreach (var line in e.Record.Split('\n'))
            {
                console.Write(new UnwrappedLine("     " + line));
            }
        }

        console.MarkupLine($"   [bold]confidence[/] prior {c.Rule.Prior:0.00}");
        foreach (var s in c.Steps)
        {
            console.MarkupLine($"     {(s.Weight >= 0 ? "+" : "−")} {Markup.Escape(s.Reason)} (weight {Math.Abs(s.Weight):0.00}): {s.Before:0.00} → {s.After:0.00}");
        }

        console.MarkupLine(c.Status == "suspected"
            ? $"     rank score {c.Confidence:0.00} − {Diagnoser.SuspectedRankPenalty:0.00} (suspected) = {c.RankScore:0.00}"
            : $"     rank score {c.RankScore:0.00} (confirmed)");

        foreach (var v in c.Values)
        {
            console.MarkupLine($"     [grey]{Markup.Escape(v.Name)}[/] = {Markup.Escape(v.Value)}");
        }
    }

    /// <summary>Articles that read like the bundle, apart from causes: somewhere to start when nothing was diagnosed.</summary>
    private static void WriteRelated(IAnsiConsole console, DiagnosisReportModel report)
    {
        if (report.Related.Count == 0)
        {
            return;
        }

        console.WriteLine();
        console.MarkupLine("[bold]related articles[/] (not diagnosed: they read like the bundle; no rule confirmed a cause)");
        foreach (var a in report.Related)
        {
            console.MarkupLine($"   knowledge/{Markup.Escape(a.Path)}  [grey]{Markup.Escape(a.Title)}[/]");
        }
    }
}
