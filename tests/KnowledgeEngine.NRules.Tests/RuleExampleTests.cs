using KnowledgeEngine.Diagnosis.Examples;

namespace KnowledgeEngine.NRules.Tests;

/// <summary>The rules' own examples (what kb test runs) on the NRules back end. An example fails on
/// any difference from what it expects, other rules firing on it included, so passing them all
/// means NRules fires what our engine fires there (our engine passes them in KnowledgeEngine.Tests).</summary>
public class RuleExampleTests
{
    [Fact]
    public void Every_rule_example_passes_on_nrules()
    {
        var results = new ExampleRunner(Repository.OnNRules).RunAll().ToList();

        var failed = results.Where(r => r.Failed).Select(r => $"{r.Rule.Id}: {string.Join("; ", r.Problems)}").ToList();
        Assert.True(failed.Count == 0, string.Join("\n", failed));
        Assert.True(results.Count(r => r.Passed) > 500, $"only {results.Count(r => r.Passed)} examples ran");
    }
}
