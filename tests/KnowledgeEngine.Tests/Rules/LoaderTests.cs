using KnowledgeEngine.Rules;
using KnowledgeEngine.Rules.Model;

namespace KnowledgeEngine.Tests.Rules;

/// <summary>The loader keeps every value with the position it was written at.</summary>
public sealed class LoaderTests
{
    // The whole knowledge base, because the rule's examples name other rules (also:).
    private static readonly RuleSet Rules = RuleSet.Load(RepositoryPaths.Rules, RepositoryPaths.Root);

    private static RuleModel Rule => Assert.Single(Rules.Rules, r => r.Id == "cloudpods/host-mac-changed").Model;

    [Fact]
    public void Load_RealRule_KeepsValuesAndPositions()
    {
        Assert.Equal("cloudpods/host-mac-changed", Rule.Id!.Value);
        Assert.Equal((2, 5), (Rule.Id.Span.Line, Rule.Id.Span.Column));
        Assert.Equal(Severity.Critical, Rule.Severity!.Value);
        Assert.Equal("cloudpods/host-mac-changed.md", Rule.Knowledge!.Value);
        Assert.Equal(0.7, Rule.Cause!.Confidence!.Value);
    }

    [Fact]
    public void Load_Conditions_KeepKindsNamesSettingsAndTheirSpans()
    {
        var conflict = Rule.When[0];

        Assert.Equal(FactKind.Log, conflict.Kind.Value);
        Assert.Equal("conflict", conflict.Name!.Value);
        Assert.Equal(15, conflict.Name.Span.Line);
        Assert.True(conflict.IsSignature);
        Assert.False(Rule.When[1].IsSignature);
        Assert.NotNull(Rule.When[1].Collect);
        Assert.Equal(@"duplicate manager_uri https://(?<ip>[0-9.]+):(?<port>\d+)", conflict.Property("regex")!.Value);
        Assert.Equal([0.5, 0.5], Rule.Evidence.Select(e => e.Weight!.Value));
        Assert.Equal(0.6, Assert.Single(Rule.Against).Weight!.Value);
    }

    [Fact]
    public void Load_Templates_FindEveryPlaceholderWithItsPosition()
    {
        var step = Rule.Fix[0].Value;

        Assert.Equal(["record.id", "shown.value"], step.Placeholders.Select(p => p.Path));
        Assert.Equal("climc host-remove-netif {{ record.id }} {{ shown.value }}", step.Text);
        Assert.Equal((49, 33), (step.Placeholders[0].Span.Line, step.Placeholders[0].Span.Column));
        Assert.Equal((49, 49), (step.Placeholders[1].Span.Line, step.Placeholders[1].Span.Column));
    }

    [Fact]
    public void Load_Examples_KeepFilesBundlesCasesAndCaptures()
    {
        Assert.Equal(7, Rule.Examples.Count);
        Assert.Equal("tests/real-cases/cloudpods-17586-bond-mac-changed-duplicate-manager-uri.yaml", Rule.Examples[6].Case!.Value);
        Assert.Equal(ExampleExpectation.Suspected, Rule.Examples[4].Expect!.Value);
        Assert.Equal(["master"], Rule.Examples[4].Missing.Select(m => m.Value));
        Assert.Equal("rules/cloudpods/examples/host-mac-changed/fires", Rule.Examples[0].Bundle!.Value);
        Assert.Equal(["conflict.ip", "master.mac", "shown.value"], Rule.Examples[0].Captures.Select(c => c.Path.Value));
        Assert.Equal(2, Rule.Examples[2].Files.Count);
        Assert.Equal(ExampleExpectation.Silent, Rule.Examples[3].Expect!.Value);
    }
}
