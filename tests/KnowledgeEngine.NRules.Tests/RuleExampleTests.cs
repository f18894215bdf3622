using KnowledgeEngine.Diagnosis.Examples;

namespace KnowledgeEngine.NRules.Tests;

/// <summary>The rules' own examples (what kb test runs) on the NRules back end: each passes, and
/// the same rules fire on it as on our engine.</summary>
public class RuleExampleTests
{
    [Fact]
    public void Every_rule_example_passes_on_nrules_with_the_rules_ours_fires()
    {
        var ours = new ExampleRunner(Repository.Ours).RunAll().ToList();
        var nrules = new ExampleRunner(Repository.OnNRules).RunAll().ToList();

        Assert.Equal(ours.Count, nrules.Count);
        var differing = ours.Zip(nrules)
            .Where(p => !p.First.Fired.SequenceEqual(p.Second.Fired) || !p.First.Problems.SequenceEqual(p.Second.Problems))
            .Select(p => $"{p.First.Rule.Id}: ours fired [{string.Join(", ", p.First.Fired)}], nrules [{string.Join(", ", p.Second.Fired)}]; " +
                         $"nrules problems: {string.Join("; ", p.Second.Problems)}")
            .ToList();
        Assert.True(differing.Count == 0, string.Join("\n", differing));
        Assert.All(nrules, r => Assert.True(r.Passed, $"{r.Rule.Id}: {string.Join("; ", r.Problems)}"));
    }
}
