namespace KnowledgeEngine.Evaluation;

/// <summary>How often a case expecting <see cref="Expected"/> had <see cref="RankedFirst"/> ranked first ("none" for no cause).</summary>
public sealed record ConfusionCell(string Expected, string RankedFirst, int Cases);

/// <summary>A whole evaluation: every case, the totals overall and per platform, and the confusion table.</summary>
public sealed record EvalReport(IReadOnlyList<CaseResult> Results)
{
    public EvalTotals Overall => EvalTotals.Of("all", Results);

    public IReadOnlyList<EvalTotals> Platforms => Results.GroupBy(r => r.Case.Platform).OrderBy(g => g.Key, StringComparer.Ordinal)
        .Select(g => EvalTotals.Of(g.Key, g.ToList())).ToList();

    public IReadOnlyList<ConfusionCell> Confusion => Results
        .GroupBy(r => (Expected: r.Case.Expect ?? "none", First: r.RankedFirst ?? "none"))
        .Select(g => new ConfusionCell(g.Key.Expected, g.Key.First, g.Count()))
        .OrderBy(c => c.Expected == "none").ThenBy(c => c.Expected, StringComparer.Ordinal).ThenBy(c => c.RankedFirst, StringComparer.Ordinal)
        .ToList();
}
