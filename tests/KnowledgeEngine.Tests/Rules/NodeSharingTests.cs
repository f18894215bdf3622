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
    public void Compile_DifferentLiteral_StartsItsOwnChainFromTheDispatch()
    {
        var one = RuleHarness.Load(TempRules.Minimal("test/a", DiskFull));

        var two = RuleHarness.Load(TempRules.Minimal("test/a", DiskFull),
            TempRules.Minimal("test/b", DiskFull.Replace("disk full", "no space left")));

        // Alpha tests form a chain and the literal, a dispatch, comes first (one search finds every
        // sibling literal), so a different literal means a chain of its own.
        var single = one.NetworkSummary["SelectionNode"];
        Assert.Equal(2 * single, two.NetworkSummary["SelectionNode"]);
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
