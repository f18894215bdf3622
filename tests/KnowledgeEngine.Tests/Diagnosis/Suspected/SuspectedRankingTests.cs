using KnowledgeEngine.Diagnosis;
using KnowledgeEngine.Facts;
using KnowledgeEngine.Rules;
using KnowledgeEngine.Tests.Rules;

namespace KnowledgeEngine.Tests.Diagnosis.Suspected;

/// <summary>A suspected cause outranks a confirmed one only when its confidence is higher by more
/// than <see cref="Diagnoser.SuspectedRankPenalty"/>.</summary>
public class SuspectedRankingTests
{
    private static string Suspect(double prior) => $$"""
        id: cloudpods/suspect
        title: Suspect
        platform: cloudpods
        severity: low
        when:
          - log: { contains: "alpha" }
            as: a
            signature: true
          - resource: { kind: host }
            collect: climc host-list
        cause: { summary: suspect, confidence: {{prior}} }
        """;

    private static string Confirmed(double prior) => $$"""
        id: cloudpods/confirmed
        title: Confirmed
        platform: cloudpods
        severity: low
        when:
          - log: { contains: "beta" }
        cause: { summary: confirmed, confidence: {{prior}} }
        """;

    private static IReadOnlyList<Hypothesis> Rank(double suspectPrior, double confirmedPrior)
    {
        // No resource is collected, so the suspect's unmet condition takes the uncollected discount.
        var rules = RuleHarness.Load(Suspect(suspectPrior), Confirmed(confirmedPrior));
        Fact[] facts = [RuleHarness.Log("alpha"), RuleHarness.Log("beta", line: 2)];
        return Diagnoser.Rank(rules.Run(facts), "b", null, [], null, []).Causes;
    }

    [Fact]
    public void A_suspected_cause_slightly_more_confident_ranks_below_the_confirmed_one()
    {
        // 1.0 less the uncollected discount is 0.75; 0.75 - 0.15 = 0.60 < 0.65.
        var ranked = Rank(1.0, 0.65);

        Assert.Equal(["cloudpods/confirmed", "cloudpods/suspect"], ranked.Select(h => h.RuleId));
        Assert.True(ranked[1].Confidence > ranked[0].Confidence);
    }

    [Fact]
    public void A_suspected_cause_clearly_more_confident_ranks_above_the_confirmed_one()
    {
        var ranked = Rank(1.0, 0.4);

        Assert.Equal(["cloudpods/suspect", "cloudpods/confirmed"], ranked.Select(h => h.RuleId));
    }

    [Fact]
    public void Near_ties_between_a_suspected_and_a_confirmed_cause_are_reported_with_the_deciding_collect()
    {
        var result = Diagnoser.Rank(
            RuleHarness.Load(Suspect(1.0), Confirmed(0.55)).Run([RuleHarness.Log("alpha"), RuleHarness.Log("beta", line: 2)]),
            "b", null, [], null, []);

        var distinction = Assert.Single(result.Distinctions);
        Assert.Contains("climc host-list", distinction.Decisive.Select(d => d.Collect));
    }
}
