using KnowledgeEngine.Diagnosis.Examples;
using KnowledgeEngine.Rules;

namespace KnowledgeEngine.Tests.Rules;

/// <summary>Every example of every built-in rule is a test case of its own, named by the rule and the
/// example, so a failure says which one and what differed (kb test rules runs the same examples).</summary>
public sealed class BuiltInExampleTests
{
    private static readonly Lazy<RuleSet> BuiltIn = new(() => RuleSet.Load(RepositoryPaths.Rules, RepositoryPaths.Root));

    public static TheoryData<string, int, string> Examples()
    {
        var data = new TheoryData<string, int, string>();
        foreach (var rule in BuiltIn.Value.Rules)
        {
            for (var i = 0; i < rule.Model.Examples.Count; i++)
            {
                data.Add(rule.Id, i, rule.Model.Examples[i].Name?.Value ?? $"example at line {rule.Model.Examples[i].Span.Line}");
            }
        }
        return data;
    }

    [Fact]
    public void The_built_in_rules_load_without_errors()
    {
        Assert.False(BuiltIn.Value.HasErrors, string.Join('\n', BuiltIn.Value.Diagnostics));
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void Example_gives_what_it_expects(string rule, int index, string name)
    {
        var loaded = BuiltIn.Value.Rules.Single(r => r.Id == rule);

        var result = new ExampleRunner(BuiltIn.Value).Run(loaded, loaded.Model.Examples[index]);

        Assert.True(result.Passed, $"{rule}, {name}:\n" + string.Join('\n', result.Problems));
    }
}
