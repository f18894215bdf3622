namespace KnowledgeEngine.Rete.Tests;

public class MisuseTests
{
    private static ISession Session() =>
        RuleCompiler.Compile([new RuleBuilder("r").Match<A>("a").Build()]).CreateSession();

    [Fact]
    public void Retracting_an_unknown_fact_names_it()
    {
        var error = Assert.Throws<FactNotFoundException>(() => Session().Retract(new A(3, 4)));

        Assert.Contains("A(g3,k4,v0)", error.Message);
    }

    [Fact]
    public void Updating_an_unknown_fact_is_refused()
    {
        Assert.Throws<FactNotFoundException>(() => Session().Update(new A(0, 0)));
    }

    [Fact]
    public void Inserting_the_same_object_twice_is_refused()
    {
        var session = Session();
        var a = new A(0, 0);
        session.Insert(a);

        Assert.Throws<DuplicateFactException>(() => session.Insert(a));
        Assert.False(session.TryInsert(a));
    }

    [Fact]
    public void Rules_that_undo_each_other_stop_at_the_fire_limit_and_are_named()
    {
        var flip = new RuleBuilder("flip").Match<A>("a", (A a) => a.Value == 0)
            .Then(ctx => { var a = ctx.Match.Get<A>("a"); a.Value = 1; ctx.Update(a); }).Build();
        var flop = new RuleBuilder("flop").Match<A>("a", (A a) => a.Value == 1)
            .Then(ctx => { var a = ctx.Match.Get<A>("a"); a.Value = 0; ctx.Update(a); }).Build();
        var session = RuleCompiler.Compile([flip, flop]).CreateSession(new SessionOptions { FireLimit = 100 });
        session.Insert(new A(0, 0));

        var error = Assert.Throws<RuleCycleException>(() => session.Fire());

        Assert.Contains("flip", error.Message);
        Assert.Contains("flop", error.Message);
    }

    [Fact]
    public void A_failing_action_is_reported_with_its_rule()
    {
        var rule = new RuleBuilder("boom").Match<A>("a").Then(_ => throw new InvalidOperationException("disk full")).Build();
        var session = RuleCompiler.Compile([rule]).CreateSession();
        session.Insert(new A(0, 0));

        var error = Assert.Throws<RuleActionException>(() => session.Fire());

        Assert.Equal("Rule 'boom' failed in its action: disk full", error.Message);
    }

    [Fact]
    public void A_condition_naming_an_undeclared_fact_is_refused_at_compile_time()
    {
        var rule = new RuleBuilder("bad").Match<A>("a").Match<B>("b", (B b, C c) => b.Key == c.Key).Build();

        var error = Assert.Throws<RuleDefinitionException>(() => RuleCompiler.Compile([rule]));

        Assert.Contains("Undefined variables", error.Message);
        Assert.Contains("b,c", error.Message);
    }
}
