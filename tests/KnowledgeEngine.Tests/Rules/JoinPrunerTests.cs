using KnowledgeEngine.Rules;
using KnowledgeEngine.Rules.Compilation;
using KnowledgeEngine.Rules.Expressions;

namespace KnowledgeEngine.Tests.Rules;

/// <summary>For a suspected match, the where parts that read a condition that did not hold go, whole conjuncts only.</summary>
public class JoinPrunerTests
{
    private static (string? Kept, IReadOnlyList<string> Dropped) Prune(string where, params string[] unavailable)
    {
        var bag = new DiagnosticBag();
        var node = ExpressionParser.Parse(where, new SourceSpan("r.yaml", 1, 1, 1, 1), bag)!;
        var (kept, dropped) = JoinPruner.Prune(node, unavailable.ToHashSet());
        return (kept is null ? null : ExpressionPrinter.Print(kept), dropped);
    }

    [Fact]
    public void A_conjunct_reading_a_missing_condition_is_dropped_and_the_rest_kept()
    {
        var (kept, dropped) = Prune("access_ip == conflict.ip and access_mac != master.mac", "master");

        Assert.Equal("access_ip == conflict.ip", kept);
        Assert.Equal(["access_mac != master.mac"], dropped);
    }

    [Fact]
    public void An_or_reading_a_missing_condition_goes_whole()
    {
        var (kept, dropped) = Prune("status == 'offline' and (a == master.mac or b == 1)", "master");

        Assert.Equal("status == 'offline'", kept);
        Assert.Single(dropped);
    }

    [Fact]
    public void An_expression_reading_only_missing_conditions_leaves_nothing()
    {
        Assert.Null(Prune("source == master.source", "master").Kept);
    }

    [Fact]
    public void Own_fields_named_like_a_condition_are_not_joins()
    {
        Assert.Equal("master == 'x'", Prune("master == 'x'", "master").Kept);
    }
}
