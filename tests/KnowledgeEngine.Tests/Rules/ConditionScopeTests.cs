using KnowledgeEngine.Rules;
using KnowledgeEngine.Rules.Expressions;

namespace KnowledgeEngine.Tests.Rules;

public sealed class ConditionScopeTests
{
    private static string Rule(string where) => $$"""
        id: test/scope
        title: t
        platform: test
        severity: high
        when:
          - resource: { kind: router }
            as: vpc
          - resource: { kind: virtualmachine, where: "{{where}}" }
        cause: { summary: s, confidence: 0.5 }
        """;

    [Fact]
    public void A_resource_field_near_a_condition_name_is_read_when_indexed()
    {
        // 'nic' is two edits from 'vpc', and nic[0] cannot name a condition anyway.
        var rules = RuleHarness.Load(Rule("nic[0].vpcid == vpc.vpcid"));

        var run = rules.Run([
            RuleHarness.Resource("router", """{"vpcid":"a3d9"}"""),
            RuleHarness.Resource("virtualmachine", """{"id":"vm-1","nic":[{"vpcid":"a3d9"}]}"""),
        ]);

        Assert.Single(run.Fired);
    }

    [Fact]
    public void A_transposed_condition_name_is_reported_not_read_as_a_field()
    {
        using var folder = new TempRules();
        var rules = RuleSet.Load(folder.Write("r.yaml", Rule("vcp.vpcid == 'x'")), RepositoryPaths.Root);

        var error = Assert.Single(rules.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.Equal("KB103", error.Code);
    }

    [Theory]
    [InlineData("hots", "host", 1)]
    [InlineData("nic", "vpc", 2)]
    [InlineData("Status", "status", 0)]
    [InlineData("ful", "full", 1)]
    public void Distance_counts_a_swap_of_neighbours_as_one_edit(string a, string b, int expected) =>
        Assert.Equal(expected, NameSuggestions.Distance(a, b));
}
