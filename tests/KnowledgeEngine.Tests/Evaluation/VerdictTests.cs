using KnowledgeEngine.Evaluation;
using KnowledgeEngine.Facts.Cases;
using KnowledgeEngine.Rules;

namespace KnowledgeEngine.Tests.Evaluation;

/// <summary>How a case is scored: hit when the expected rule ranks first, top-3 when second or third,
/// miss otherwise; for a case expecting none, quiet when nothing is ranked, a false claim when anything is.</summary>
public sealed class VerdictTests
{
    private static CaseResult Result(string? expect, params string[] ranked) =>
        new(new RealCase("c.yaml", "c", "talos", "s", expect, "high", []),
            ranked.Select(r => new RankedCause(r, CauseStatus.Confirmed, 0.5)).ToList(),
            ranked.Select(r => new RankedArticle(r + ".md", 5, [r])).ToList());

    [Theory]
    [InlineData("talos/x", new[] { "talos/x", "talos/y" }, Verdict.Hit)]
    [InlineData("talos/x", new[] { "talos/y", "talos/z", "talos/x" }, Verdict.Top3)]
    [InlineData("talos/x", new[] { "talos/y" }, Verdict.Miss)]
    [InlineData("talos/x", new string[0], Verdict.Miss)]
    [InlineData(null, new string[0], Verdict.Quiet)]
    [InlineData(null, new[] { "talos/y" }, Verdict.FalseClaim)]
    public void Verdict_FollowsThePositionOfTheExpectedRule(string? expect, string[] ranked, Verdict verdict)
    {
        var result = Result(expect, ranked);

        Assert.Equal(verdict, result.Rules);
        Assert.Equal(verdict, result.Retrieval);
    }

    [Fact]
    public void Retrieval_AnArticleDocumentingTheExpectedRuleIsAHit()
    {
        var result = new CaseResult(new RealCase("c.yaml", "c", "talos", "s", "talos/x", "high", []), [],
            [new RankedArticle("shared.md", 5, ["talos/w", "talos/x"])]);

        Assert.Equal(Verdict.Hit, result.Retrieval);
        Assert.Equal(Verdict.Miss, result.Rules);
    }

    [Fact]
    public void Totals_CountTopOneTopThreeAndFalseClaimsOverTheirOwnCases()
    {
        var report = new EvalReport([Result("talos/x", "talos/x"), Result("talos/x", "talos/y", "talos/x"), Result("talos/x"), Result(null, "talos/y"), Result(null)]);

        var all = report.Overall;

        Assert.Equal((5, 3, 2), (all.Cases, all.Expecting, all.ExpectingNone));
        Assert.Equal(new Score(1, 2, 1), all.Rules);
        Assert.Contains(new ConfusionCell("none", "talos/y", 1), report.Confusion);
        Assert.Contains(new ConfusionCell("talos/x", "none", 1), report.Confusion);
    }
}
