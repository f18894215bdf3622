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
            .AddColumn("#").AddColumn(new TableColumn("confidence").RightAligned()).AddColumn("cause").AddColumn("severity").AddColumn("top evidence");
        var rank = 0;
        foreach (var h in result.Causes)
        {
            var top = h.Evidence.FirstOrDefault();
            table.AddRow(
                (++rank).ToString(),
                $"{h.Confidence:P0}",
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
                console.MarkupLine($"   {Markup.Escape(n.Rule.Id?.Value ?? "")}: missing {Markup.Escape(ConditionText.Describe(n.Missing))} " +
                                   $"[grey]({Markup.Escape(ConditionText.Location(n.Missing.Span))})[/]");
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

    private static string Shorten(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";

    private static void WriteCause(IAnsiConsole console, int rank, Hypothesis h, bool explain,
        IReadOnlyDictionary<KnowledgeEngine.Rules.DerivedFact, IReadOnlyList<string>> derivedBy)
    {
        console.WriteLine();
        console.MarkupLine($"[bold]{rank}. {Markup.Escape(h.Title)}[/] ({h.Confidence:P0}, {h.Severity.ToString().ToLowerInvariant()})");
        console.MarkupLine($"   {Markup.Escape(h.Summary)}");
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
            for (var i = 0; i < h.Rule.When.Count; i++)
            {
                var condition = h.Rule.When[i];
                var name = condition.Name?.Value ?? $"_when{i}";
                var matched = h.Fired.Facts.Where(f => f.Name == name).Select(f => f.Location ?? Derived(f.Fact, derivedBy)).Distinct().ToList();
                console.MarkupLine($"     {Markup.Escape(ConditionText.Describe(condition))} [grey]({Markup.Escape(ConditionText.Location(condition.Span))})[/] ← " +
                                   Markup.Escape(matched.Count == 0 ? "(no bound fact)" : string.Join(", ", matched.Take(5)) + (matched.Count > 5 ? $" and {matched.Count - 5} more" : "")));
            }

            console.MarkupLine($"   [bold]confidence[/] prior {h.Prior:0.00}");
            foreach (var s in h.Steps)
            {
                console.MarkupLine($"     {(s.Weight >= 0 ? "+" : "−")} {Markup.Escape(s.Reason)} (weight {Math.Abs(s.Weight):0.00}): {s.Before:0.00} → {s.After:0.00}");
            }

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
