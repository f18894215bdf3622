using CsCheck;

namespace KnowledgeEngine.NRules.Tests;

/// <summary>The engine's differential property test with NRules as a second oracle: random rule
/// sets (joins, not, exists, count) and insert/update/retract sequences run on our engine and on
/// the NRules back end side by side; after every step both must equal the naive evaluator.</summary>
public class DifferentialPropertyTests
{
    [Fact]
    public void Both_engines_equal_naive_evaluation_and_each_other_after_every_operation()
    {
        DifferentialCases.Cases.Sample(
            testCase => DifferentialCases.Run(testCase, ("ours", RuleCompiler.Compile), ("nrules", NRulesCompiler.Compile)),
            iter: 300, seed: null);
    }
}
