namespace KnowledgeEngine.Rete.Tests;

public class AgendaTests
{
    [Fact]
    public void Higher_salience_fires_first()
    {
        var log = new FiringLog();
        var low = new RuleBuilder("low").Salience(1).Match<A>("a").Then(log.Record("low")).Build();
        var high = new RuleBuilder("high").Salience(10).Match<A>("a").Then(log.Record("high")).Build();
        var session = RuleCompiler.Compile([low, high]).CreateSession();

        session.Insert(new A(0, 0));
        session.Fire();

        Assert.StartsWith("high", log.Entries[0]);
        Assert.StartsWith("low", log.Entries[1]);
    }

    [Fact]
    public void Among_equal_salience_the_most_recent_activation_fires_first()
    {
        var log = new FiringLog();
        var rule = new RuleBuilder("r").Match<A>("a").Then(log.Record("r")).Build();
        var session = RuleCompiler.Compile([rule]).CreateSession();

        session.Insert(new A(0, 1));
        session.Insert(new A(0, 2));
        session.Fire();

        Assert.Equal(["r:A(g0,k2,v0)", "r:A(g0,k1,v0)"], log.Entries);
    }

    [Fact]
    public void A_match_fires_only_once()
    {
        var rule = new RuleBuilder("r").Match<A>("a").Build();
        var session = RuleCompiler.Compile([rule]).CreateSession();
        session.Insert(new A(0, 1));

        var first = session.Fire();
        var second = session.Fire();

        Assert.Equal(1, first);
        Assert.Equal(0, second);
    }

    [Fact]
    public void Fire_stops_at_the_requested_number_of_rules()
    {
        var rule = new RuleBuilder("r").Match<A>("a").Build();
        var session = RuleCompiler.Compile([rule]).CreateSession();
        session.InsertAll([new A(0, 1), new A(0, 2), new A(0, 3)]);

        Assert.Equal(2, session.Fire(2));
        Assert.Equal(1, session.AgendaCount);
    }

    [Fact]
    public void Halt_stops_firing_after_the_current_action()
    {
        var rule = new RuleBuilder("r").Match<A>("a").Then(ctx => ctx.Halt()).Build();
        var session = RuleCompiler.Compile([rule]).CreateSession();
        session.InsertAll([new A(0, 1), new A(0, 2)]);

        Assert.Equal(1, session.Fire());
    }

    [Fact]
    public void Withdrawn_activation_never_fires()
    {
        var rule = new RuleBuilder("r").Match<A>("a").Build();
        var session = RuleCompiler.Compile([rule]).CreateSession();
        var a = new A(0, 1);
        session.Insert(a);

        session.Retract(a);

        Assert.Equal(0, session.Fire());
    }
}
