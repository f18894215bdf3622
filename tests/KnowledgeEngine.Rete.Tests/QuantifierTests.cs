namespace KnowledgeEngine.Rete.Tests;

public class QuantifierTests
{
    private static ISession Session(params RuleDefinition[] rules) => RuleCompiler.Compile(rules).CreateSession();

    private static RuleDefinition NotRule() => new RuleBuilder("unanswered")
        .Match<A>("a")
        .Not<B>("b", (B b, A a) => b.Key == a.Key)
        .Build();

    private static RuleDefinition ExistsRule() => new RuleBuilder("answered")
        .Match<A>("a")
        .Exists<B>("b", (B b, A a) => b.Key == a.Key)
        .Build();

    [Fact]
    public void Not_holds_while_no_fact_matches()
    {
        var session = Session(NotRule());

        session.Insert(new A(0, 1));

        Assert.Single(session.Activations("unanswered"));
    }

    [Fact]
    public void Not_is_withdrawn_when_a_matching_fact_arrives_and_restored_when_it_leaves()
    {
        var session = Session(NotRule());
        session.Insert(new A(0, 1));
        var b = new B(0, 1);

        session.Insert(b);
        Assert.Empty(session.Activations("unanswered"));

        session.Retract(b);
        Assert.Single(session.Activations("unanswered"));
    }

    [Fact]
    public void Not_ignores_facts_that_do_not_join()
    {
        var session = Session(NotRule());

        session.InsertAll([new A(0, 1), new B(0, 2)]);

        Assert.Single(session.Activations("unanswered"));
    }

    [Fact]
    public void Exists_fires_once_however_many_facts_match()
    {
        var session = Session(ExistsRule());

        session.InsertAll([new A(0, 1), new B(0, 1), new B(0, 1), new B(0, 1)]);

        Assert.Equal(1, session.Fire());
    }

    [Fact]
    public void Exists_goes_only_when_the_last_matching_fact_goes()
    {
        var session = Session(ExistsRule());
        var b1 = new B(0, 1);
        var b2 = new B(0, 1);
        session.InsertAll([new A(0, 1), b1, b2]);

        session.Retract(b1);
        Assert.Single(session.Activations("answered"));

        session.Retract(b2);
        Assert.Empty(session.Activations("answered"));
    }

    [Fact]
    public void Not_without_join_conditions_checks_the_whole_type()
    {
        var rule = new RuleBuilder("no-c").Match<A>("a").Not<C>("c").Build();
        var session = Session(rule);
        session.Insert(new A(0, 0));
        var c = new C(5, 5);

        session.Insert(c);
        Assert.Empty(session.Activations("no-c"));

        session.Retract(c);
        Assert.Single(session.Activations("no-c"));
    }
}
