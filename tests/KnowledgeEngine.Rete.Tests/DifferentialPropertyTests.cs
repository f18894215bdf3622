using CsCheck;

namespace KnowledgeEngine.Rete.Tests;

/// <summary>
/// Random rule sets (joins, not, exists, count) and random insert/update/retract sequences: after
/// every step, each rule's matches in the engine must equal what a naive nested-loop evaluator
/// computes from the facts in working memory.
///
/// How it catches a planted bug (try it, then revert): in engine/KnowledgeEngine.Rete/Network/
/// QuantifierNode.cs, RetractByFact, replace `if (after == 0)` by `if (after == 1)`; or in
/// JoinNode.RightActivate drop the `if (Matches(tuple, fact))` guard. Either way this test fails
/// within a few hundred samples and CsCheck prints a shrunk rule set and operation sequence.
/// </summary>
public class DifferentialPropertyTests
{
    [Fact]
    public void Engine_matches_equal_naive_evaluation_after_every_operation()
    {
        DifferentialCases.Cases.Sample(testCase => DifferentialCases.Run(testCase, ("ours", RuleCompiler.Compile)), iter: 400, seed: null);
    }
}
