using CsCheck;
using KnowledgeEngine.Diagnosis;

namespace KnowledgeEngine.Tests.Diagnosis;

public class ConfidenceTests
{
    [Fact]
    public void Evidence_moves_the_prior_part_of_the_way_to_certainty()
    {
        var (value, steps) = Confidence.Combine(0.7, [("mac changed", 0.4)], []);

        Assert.Equal(0.82, value, 10);
        Assert.Equal(new ConfidenceStep("mac changed", 0.4, 0.7, value), Assert.Single(steps));
    }

    [Fact]
    public void Counter_evidence_moves_it_part_of_the_way_to_zero()
    {
        var (value, _) = Confidence.Combine(0.8, [], [("no networks", 0.5)]);

        Assert.Equal(0.4, value, 10);
    }

    [Fact]
    public void Any_combination_stays_within_zero_and_one_and_evidence_never_lowers_it()
    {
        var weights = Gen.Double[0, 1].Array[0, 6];
        Gen.Select(Gen.Double[0, 1], weights, weights).Sample((prior, support, oppose) =>
        {
            var (value, steps) = Confidence.Combine(prior, support.Select(w => ("e", w)), oppose.Select(w => ("a", w)));
            Assert.InRange(value, 0, 1);
            Assert.All(steps.Where(s => s.Weight >= 0), s => Assert.True(s.After >= s.Before));
            Assert.All(steps.Where(s => s.Weight < 0), s => Assert.True(s.After <= s.Before));
        });
    }
}
