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
