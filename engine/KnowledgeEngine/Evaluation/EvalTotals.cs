namespace KnowledgeEngine.Evaluation;

/// <summary>One ranking's figures over a group of cases: top-1 and top-3 hits among the cases that
/// expect a cause, false claims among those that expect none.</summary>
public sealed record Score(int Top1, int Top3, int FalseClaims);

/// <summary>The figures of a group of cases (all, or one platform) for the rules and for the retrieval baseline.</summary>
public sealed record EvalTotals(string Group, int Cases, int Expecting, int ExpectingNone, Score Rules, Score Retrieval)
{
    public static EvalTotals Of(string group, IReadOnlyList<CaseResult> results) => new(group, results.Count,
        results.Count(r => r.Case.Expect is not null), results.Count(r => r.Case.Expect is null),
        Tally(results.Select(r => r.Rules).ToList()), Tally(results.Select(r => r.Retrieval).ToList()));

    private static Score Tally(IReadOnlyList<Verdict> verdicts) => new(
        verdicts.Count(v => v == Verdict.Hit),
        verdicts.Count(v => v is Verdict.Hit or Verdict.Top3),
        verdicts.Count(v => v == Verdict.FalseClaim));
}

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
