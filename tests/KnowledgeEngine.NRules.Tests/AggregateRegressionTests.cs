using static KnowledgeEngine.Rete.Tests.DifferentialCases;

namespace KnowledgeEngine.NRules.Tests;

/// <summary>Cases the differential property test found, kept as fixed regressions.</summary>
public class AggregateRegressionTests
{
    /// <summary>CsCheck seed dyE2dLpqhnv2, shrunk: two equal counts in one rule shared one NRules node, and updating the
    /// fact they count made new matches beside the old ones (each B matched twice).</summary>
    [Fact]
    public void Two_equal_counts_in_one_rule_keep_one_match_per_fact_after_an_update()
    {
        var count = new ElementSpec(ElementKind.Count, 2, 1, 0, JoinKind.None, 1);
        var rule = new RuleSpec([new ElementSpec(ElementKind.Pattern, 1, 0, 0, JoinKind.None, 0), count, count]);
        Operation[] operations =
        [
            new(OpKind.Insert, 1, 0, 0, 0), new(OpKind.Insert, 1, 0, 0, 0), new(OpKind.Insert, 2, 1, 1, 0),
            new(OpKind.Update, 0, 0, 1, 2), // the C fact, Pick 2 of [B, B, C]
        ];

        Run(new TestCase([rule], operations), ("ours", RuleCompiler.Compile), ("nrules", NRulesCompiler.Compile));
    }
}
