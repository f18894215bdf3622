namespace KnowledgeEngine.Rete.Tests;

public class EventTests
{
    [Fact]
    public void Events_report_inserts_activations_firings_and_logical_retractions_in_order()
    {
        var rule = new RuleBuilder("derive").Match<A>("a").Then(ctx => ctx.InsertLogical(new Derived("d", 1))).Build();
        var session = RuleCompiler.Compile([rule]).CreateSession();
        var seen = new List<string>();
        session.Events.FactInserted += (_, e) => seen.Add($"inserted {e.Fact} by {e.Cause?.Rule.Name ?? "caller"}");
        session.Events.FactRetracted += (_, e) => seen.Add($"retracted {e.Fact}{(e.IsLogical ? " (support lost)" : "")}");
        session.Events.ActivationCreated += (_, e) => seen.Add($"activated {e.Rule.Name}");
        session.Events.ActivationDeleted += (_, e) => seen.Add($"deactivated {e.Rule.Name}");
        session.Events.RuleFired += (_, e) => seen.Add($"fired {e.Rule.Name}");
        var a = new A(0, 0);

        session.Insert(a);
        session.Fire();
        session.Retract(a);

        Assert.Equal(
        [
            "activated derive",
            "inserted A(g0,k0,v0) by caller",
            "inserted Derived { Name = d, Key = 1 } by derive",
            "fired derive",
            "deactivated derive",
            "retracted A(g0,k0,v0)",
            "retracted Derived { Name = d, Key = 1 } (support lost)",
        ], seen);
    }
}
