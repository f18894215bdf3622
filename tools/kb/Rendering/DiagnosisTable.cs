using KnowledgeEngine.Diagnosis;
using Spectre.Console;

namespace KnowledgeEngine.Cli.Rendering;

/// <summary>The diagnosis for people: a ranked table, then each cause's evidence, what is
/// missing and the fix with the real values.</summary>
internal static class DiagnosisTable
{
    public static void Write(IAnsiConsole console, DiagnosisResult result, bool explain)
    {
        console.MarkupLine($"[bold]bundle[/] {Markup.Escape(result.Bundle)}  [bold]platform[/] {Markup.Escape(result.Platform ?? "unknown")}  " +
                           $"[bold]hosts[/] {Markup.Escape(string.Join(", ", result.Hosts))}  [bold]collected[/] {result.CollectedAt:yyyy-MM-dd HH:mm}");
        foreach (var warning in result.Warnings)
        {
            console.MarkupLine($"[yellow]warning[/] {Markup.Escape(warning)}");
        }

        if (result.Causes.Count == 0)
        {
            console.MarkupLine("No known cause matched this bundle." + (result.Symptoms.Count > 0
                ? $" Symptoms seen: {Markup.Escape(string.Join(", ", result.Symptoms.Select(s => s.Id)))}."
                : ""));
            return;
        }

        var table = new Table().Border(TableBorder.Rounded)
            .AddColumn("#").AddColumn(new TableColumn("confidence").RightAligned()).AddColumn("status").AddColumn("cause").AddColumn("severity").AddColumn("top evidence");
        var rank = 0;
        foreach (var h in result.Causes)
        {
            var top = h.Evidence.FirstOrDefault();
            table.AddRow(
                (++rank).ToString(),
                $"{h.Confidence:P0}",
                Status(h),
                $"[bold]{Markup.Escape(h.Title)}[/]\n[grey]{Markup.Escape(h.RuleId)}[/]",
                Markup.Escape(h.Severity.ToString().ToLowerInvariant()),
                top is null ? "" : $"[grey]{Markup.Escape(Path.GetFileName(top.Location ?? ""))}[/]\n{Markup.Escape(Shorten(top.Text, 70))}");
        }

        console.Write(table);
        rank = 0;
        foreach (var h in result.Causes)
        {
            WriteCause(console, ++rank, h, explain, result.DerivedBy);
        }

        if (result.NotConfirmed.Count > 0)
        {
            console.WriteLine();
            console.MarkupLine("[bold]not confirmed[/] (all required conditions but one held)");
            foreach (var n in result.NotConfirmed)
            {
                console.MarkupLine($"   {Markup.Escape(n.Rule.Id)}: missing {Markup.Escape(n.Missing.Description)} " +
                                   $"[grey]({Markup.Escape(n.Missing.Location)})[/]");
            }
        }

        foreach (var d in result.Distinctions)
        {
            var how = d.Decisive.Count == 0 ? "no rule names a deciding fact" : string.Join("; ", d.Decisive.Select(m => m.Collect));
            console.MarkupLine($"[yellow]to decide between[/] {Markup.Escape(d.First)} [yellow]and[/] {Markup.Escape(d.Second)}, collect: {Markup.Escape(how)}");
        }
    }

    private static string Derived(object fact, IReadOnlyDictionary<KnowledgeEngine.Rules.DerivedFact, IReadOnlyList<string>> derivedBy) =>
        fact is KnowledgeEngine.Rules.DerivedFact d && derivedBy.TryGetValue(d, out var rules)
            ? $"derived {d} by {string.Join(", ", rules)}"
            : $"derived {fact}";

    private static string Status(Hypothesis h) =>
        h.Status == KnowledgeEngine.Rules.CauseStatus.Suspected ? "[yellow]suspected[/]" : "confirmed";

    private static string Shorten(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";

    private static void WriteCause(IAnsiConsole console, int rank, Hypothesis h, bool explain,
        IReadOnlyDictionary<KnowledgeEngine.Rules.DerivedFact, IReadOnlyList<string>> derivedBy)
    {
        console.WriteLine();
        console.MarkupLine($"[bold]{rank}. {Markup.Escape(h.Title)}[/] ({h.Confidence:P0}, {Status(h)}, {h.Severity.ToString().ToLowerInvariant()})");
        console.MarkupLine($"   {Markup.Escape(h.Summary)}");
        if (h.Repeats > 1)
        {
            console.MarkupLine($"   [bold]repeated[/] {h.Repeats} times" +
                               (h.FirstSeen is { } first && h.LastSeen is { } last ? $", first {first:yyyy-MM-dd HH:mm:ss}, last {last:yyyy-MM-dd HH:mm:ss}" : ""));
        }

        if (h.Status == KnowledgeEngine.Rules.CauseStatus.Suspected)
        {
            console.MarkupLine("   [yellow]suspected[/]: its signature holds; to confirm, collect:");
            foreach (var m in h.ToConfirm)
            {
                console.MarkupLine($"     {(m.SourceCollected == true ? "collected, not found" : "not collected")}: {Markup.Escape(m.Description)}" +
                                   (m.Collect is null ? "" : $" — {Markup.Escape(m.Collect)}"));
            }

            foreach (var part in h.Fired.DroppedJoins)
            {
                console.MarkupLine($"     [grey]join dropped (reads a condition that did not hold): {Markup.Escape(part)}[/]");
            }
        }

        console.MarkupLine("   [bold]evidence[/]");
        foreach (var e in h.Evidence)
        {
            console.MarkupLine($"     [grey]{Markup.Escape(e.Location ?? "(derived)")}[/] {Markup.Escape(e.Text)}" +
                               (e.Role == "when" ? "" : $" [grey]({e.Role})[/]"));
        }

        foreach (var m in h.Missing)
        {
            console.MarkupLine($"   [yellow]missing[/] {Markup.Escape(m.Description)}" + (m.Collect is null ? "" : $" — collect with: {Markup.Escape(m.Collect)}"));
        }

        if (explain)
        {
            console.MarkupLine("   [bold]conditions[/]");
            foreach (var condition in h.Fired.When)
            {
                var matched = condition.Facts.Select(f => f.Location ?? Derived(f.Fact, derivedBy)).Distinct().ToList();
                var state = condition.Unmet is { } u ? (u.SourceCollected ? "(collected, not found)" : "(not collected)")
                    : matched.Count == 0 ? "(no bound fact)" : string.Join(", ", matched.Take(5)) + (matched.Count > 5 ? $" and {matched.Count - 5} more" : "");
                console.MarkupLine($"     {(condition.IsSignature ? "signature " : "")}{Markup.Escape(condition.Condition.Description)} " +
                                   $"[grey]({Markup.Escape(condition.Condition.Location)})[/] ← {Markup.Escape(state)}");
            }

            console.MarkupLine($"   [bold]confidence[/] prior {h.Prior:0.00}");
            foreach (var s in h.Steps)
            {
                console.MarkupLine($"     {(s.Weight >= 0 ? "+" : "−")} {Markup.Escape(s.Reason)} (weight {Math.Abs(s.Weight):0.00}): {s.Before:0.00} → {s.After:0.00}");
            }

            console.MarkupLine(h.Status == KnowledgeEngine.Rules.CauseStatus.Suspected
                ? $"     rank score {h.Confidence:0.00} − {Diagnoser.SuspectedRankPenalty:0.00} (suspected) = {h.RankScore:0.00}"
                : $"     rank score {h.RankScore:0.00} (confirmed)");

            foreach (var (key, value) in h.Fired.Values.OrderBy(v => v.Key, StringComparer.Ordinal))
            {
                console.MarkupLine($"     [grey]{Markup.Escape(key)}[/] = {Markup.Escape(value)}");
            }
        }

        console.MarkupLine("   [bold]fix[/]");
        var step = 0;
        foreach (var f in h.Fired.Fix)
        {
            console.MarkupLine($"     {++step}. {Markup.Escape(f)}");
        }
    }
}
