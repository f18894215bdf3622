namespace KnowledgeEngine.Rete.Tests;

public class NodeSharingTests
{
    [Fact]
    public void Identical_alpha_conditions_in_two_rules_share_one_selection_node()
    {
        var one = new RuleBuilder("one").Match<A>("a", (A a) => a.Group == 1).Build();
        var two = new RuleBuilder("two").Match<A>("x", (A x) => x.Group == 1).Build();

        var summary = RuleCompiler.Compile([one, two]).NetworkSummary;

        Assert.Equal(1, summary["TypeNode"]);
        Assert.Equal(1, summary["SelectionNode"]);
        Assert.Equal(1, summary["AlphaMemoryNode"]);
        Assert.Equal(1, summary["JoinNode"]);
        Assert.Equal(2, summary["TerminalNode"]);
    }

    [Fact]
    public void Captured_constants_with_equal_values_are_shared()
    {
        var rules = Enumerable.Range(0, 2).Select(i =>
        {
            var group = 1;
            return new RuleBuilder("r" + i).Match<A>("a", (A a) => a.Group == group).Build();
        });

        var summary = RuleCompiler.Compile(rules).NetworkSummary;

        Assert.Equal(1, summary["SelectionNode"]);
    }

    [Fact]
    public void Different_constants_get_their_own_selection_nodes()
    {
        var rules = Enumerable.Range(0, 3).Select(i =>
            new RuleBuilder("r" + i).Match<A>("a", (A a) => a.Group == i).Build());

        var summary = RuleCompiler.Compile(rules).NetworkSummary;

        Assert.Equal(3, summary["SelectionNode"]);
        Assert.Equal(3, summary["JoinNode"]);
    }

    [Fact]
    public void Rules_with_a_common_prefix_share_its_joins()
    {
        var one = new RuleBuilder("one").Match<A>("a").Match<B>("b", (B b, A a) => b.Key == a.Key).Build();
        var two = new RuleBuilder("two").Match<A>("x").Match<B>("y", (B y, A x) => y.Key == x.Key)
            .Not<C>("c", (C c, B y) => c.Key == y.Key).Build();

        var summary = RuleCompiler.Compile([one, two]).NetworkSummary;

        Assert.Equal(2, summary["JoinNode"]);
        Assert.Equal(1, summary["NotNode"]);
    }

    [Fact]
    public void Condition_order_does_not_prevent_sharing()
    {
        var one = new RuleBuilder("one").Match<A>("a", (A a) => a.Group == 1, (A a) => a.Key == 2).Build();
        var two = new RuleBuilder("two").Match<A>("a", (A a) => a.Key == 2 && a.Group == 1).Build();

        var summary = RuleCompiler.Compile([one, two]).NetworkSummary;

        Assert.Equal(2, summary["SelectionNode"]);
    }

    [Fact]
    public void Rules_reusing_one_list_of_elements_share_every_node_of_it()
    {
        var cause = new RuleBuilder("cause").Match<A>("a", (A a) => a.Group == 1).Match<B>("b", (B b, A a) => b.Key == a.Key).Build();
        var probe = cause with { Name = "probe", Elements = [.. cause.Elements, new NotElement(new PatternElement(new Declaration("c", typeof(C)), []))] };

        var summary = RuleCompiler.Compile([cause, probe]).NetworkSummary;

        Assert.Equal(2, summary["JoinNode"]);
        Assert.Equal(1, summary["NotNode"]);
        Assert.Equal(2, summary["TerminalNode"]);
    }

    [Fact]
    public void A_reused_element_after_the_same_node_under_other_names_is_planned_again()
    {
        var joined = new RuleBuilder("one").Match<A>("a").Match<B>("b", (B b, A a) => b.Key == a.Key).Build();
        // "x" joins the same first node as "a" (sharing ignores names), but the reused element reads "a".
        var renamed = new RuleBuilder("two").Match<A>("x").Build();
        var broken = renamed with { Elements = [renamed.Elements[0], joined.Elements[1]] };

        var error = Assert.Throws<RuleDefinitionException>(() => RuleCompiler.Compile([joined, broken]));

        Assert.Contains("Undefined variables", error.Message);
    }
}
