using System.Linq.Expressions;

namespace KnowledgeEngine.NRules.Tests;

/// <summary>The NRules back end's network summary counts NRules' own nodes, by its node types.</summary>
public class NetworkSummaryTests
{
    [Fact]
    public void The_summary_counts_nrules_nodes_by_type()
    {
        var join = new RuleBuilder("join").Match<A>("a").Match<B>("b", (Expression<Func<B, A, bool>>)((b, a) => b.Key == a.Key))
            .Then(_ => { }).Build();
        var guard = new RuleBuilder("guard").Match<A>("a").Not<C>("c", (Expression<Func<C, A, bool>>)((c, a) => c.Key == a.Key))
            .Then(_ => { }).Build();

        var summary = NRulesCompiler.Compile([join, guard]).NetworkSummary;

        Assert.Equal(2, summary["RuleNode"]);
        Assert.Equal(1, summary["NotNode"]);
        Assert.True(summary["JoinNode"] >= 1, string.Join(", ", summary.Select(p => $"{p.Key} {p.Value}")));
        Assert.True(summary["TypeNode"] >= 3, string.Join(", ", summary.Select(p => $"{p.Key} {p.Value}")));
    }
}
