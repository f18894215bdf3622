namespace KnowledgeEngine.Tests.Rules;

public sealed class NodeSharingTests
{
    private const string DiskFull = "  - log: { source: 'logs/*.log', contains: 'disk full', level: error }\n";

    [Fact]
    public void Compile_SameConditionInTwoRules_SharesItsAlphaNodes()
    {
        // Arrange
        var one = RuleHarness.Load(TempRules.Minimal("test/a", DiskFull));

        // Act
        var two = RuleHarness.Load(TempRules.Minimal("test/a", DiskFull), TempRules.Minimal("test/b", DiskFull));

        // Assert
        Assert.Equal(one.NetworkSummary["SelectionNode"], two.NetworkSummary["SelectionNode"]);
        Assert.Equal(one.NetworkSummary["AlphaMemoryNode"], two.NetworkSummary["AlphaMemoryNode"]);
        Assert.Equal(2, two.NetworkSummary["TerminalNode"]);
    }

    [Fact]
    public void Compile_DifferentLiteral_SharesOnlyTheOtherConditions()
    {
        var one = RuleHarness.Load(TempRules.Minimal("test/a", DiskFull));

        var two = RuleHarness.Load(TempRules.Minimal("test/a", DiskFull),
            TempRules.Minimal("test/b", DiskFull.Replace("disk full", "no space left")));

        // Alpha tests form a chain, so the differing literal and the tests after it are new; the
        // source test before it is shared.
        var single = one.NetworkSummary["SelectionNode"];
        Assert.InRange(two.NetworkSummary["SelectionNode"], single + 1, 2 * single - 1);
    }

    [Fact]
    public void Compile_SameRegexInTwoRules_SharesOneNode()
    {
        const string mac = "  - log: { regex: 'MAC: (?<mac>[0-9a-f:]{17})' }\n";
        var one = RuleHarness.Load(TempRules.Minimal("test/a", mac));

        var two = RuleHarness.Load(TempRules.Minimal("test/a", mac), TempRules.Minimal("test/b", mac));

        Assert.Equal(one.NetworkSummary["SelectionNode"], two.NetworkSummary["SelectionNode"]);
    }
}
