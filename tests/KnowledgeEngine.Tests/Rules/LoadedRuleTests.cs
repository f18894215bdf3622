using KnowledgeEngine.Rules;
using KnowledgeEngine.Rules.Model;

namespace KnowledgeEngine.Tests.Rules;

/// <summary>The loaded-rule model every layer after loading reads: required parts present, the
/// defaults applied once, the conditions named with their roles and engine positions.</summary>
public class LoadedRuleTests
{
    private static readonly RuleSet Rules = RuleSet.Load(RepositoryPaths.Rules, RepositoryPaths.Root);

    private static LoadedRule MacChanged => Assert.Single(Rules.Rules, r => r.Id == "cloudpods/host-mac-changed");

    [Fact]
    public void Metadata_is_resolved_without_unwrapping()
    {
        var rule = MacChanged;

        Assert.Equal(("Host cannot re-register after its NIC MAC address changed", "cloudpods", Severity.Critical, 0.7),
            (rule.Title, rule.Platform, rule.Severity, rule.Prior));
        Assert.Equal("cloudpods/host-mac-changed.md", rule.Knowledge);
        Assert.Equal("rules/cloudpods/host-mac-changed.yaml", rule.Location);
        Assert.Equal("host_identity_changed", rule.Derives);
    }

    [Fact]
    public void When_conditions_carry_their_role_name_and_engine_position()
    {
        var when = MacChanged.When;

        Assert.Equal([(ConditionRole.Signature, "conflict"), (ConditionRole.When, "master")], when.Select(c => (c.Role, c.Name)));
        Assert.Equal(["conflict"], MacChanged.Signatures.Select(s => s.Name));
        Assert.True(when[0].Position < when[1].Position);
        Assert.Equal(@"log 'duplicate manager_uri https://(?<ip>[0-9.]+):(?<port>\d+)'", when[0].Description);
        Assert.Equal("rules/cloudpods/host-mac-changed.yaml:12:5", when[0].Location);
    }

    [Fact]
    public void Items_carry_their_weight_collect_hint_and_generated_name()
    {
        var rule = MacChanged;

        Assert.Equal([("record", 0.5), ("shown", 0.5)], rule.Evidence.Select(e => (e.Name, e.Weight)));
        Assert.All(rule.Evidence, e => Assert.Equal(ConditionRole.Evidence, e.Role));
        var against = Assert.Single(rule.Against);
        Assert.Equal(("_against0", 0.6, ConditionRole.Against), (against.Name, against.Weight, against.Role));
        Assert.Null(against.DeclaredName);
        Assert.StartsWith("line ", against.Label);
    }

    [Fact]
    public void An_unnamed_condition_gets_a_generated_name_and_the_prior_comes_from_the_cause()
    {
        var rules = RuleHarness.Load("""
            id: talos/defaults
            title: Defaults
            platform: talos
            severity: low
            when:
              - log: { contains: something }
            cause: { summary: something was logged, confidence: 0.4 }
            """);
        var rule = Assert.Single(rules.Rules);

        Assert.Equal("something was logged", rule.Cause.Summary.Text);
        Assert.Null(rule.Cause.Detail);
        Assert.Equal(0.4, rule.Prior);
        Assert.Equal("_when0", Assert.Single(rule.When).Name);
        Assert.Equal(ConditionRole.When, rule.When[0].Role);
    }
}
