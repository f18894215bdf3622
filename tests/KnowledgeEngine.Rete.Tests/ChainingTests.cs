namespace KnowledgeEngine.Rete.Tests;

public class ChainingTests
{
    private static RuleDefinition DeriveRule(bool logical) => new RuleBuilder("derive")
        .Match<A>("a")
        .Match<B>("b", (B b, A a) => b.Key == a.Key)
        .Then(ctx =>
        {
            var fact = new Derived("linked", ctx.Match.Get<A>("a").Key);
            if (logical)
            {
                ctx.InsertLogical(fact);
            }
            else
            {
                ctx.Insert(fact);
            }
        })
        .Build();

    private static RuleDefinition ConsumeRule(FiringLog log) => new RuleBuilder("consume")
        .Match<Derived>("d", (Derived d) => d.Name == "linked")
        .Match<C>("c", (C c, Derived d) => c.Key == d.Key)
        .Then(log.Record("consume"))
        .Build();

    [Fact]
    public void A_derived_fact_triggers_rules_that_consume_it()
    {
        var log = new FiringLog();
        var session = RuleCompiler.Compile([DeriveRule(false), ConsumeRule(log)]).CreateSession();

        session.InsertAll([new A(0, 4), new B(0, 4), new C(0, 4)]);
        var fired = session.Fire();

        Assert.Equal(2, fired);
        Assert.Single(log.Entries);
    }

    [Fact]
    public void A_logical_fact_is_retracted_when_its_match_goes()
    {
        var session = RuleCompiler.Compile([DeriveRule(true)]).CreateSession();
        var b = new B(0, 4);
        session.InsertAll([new A(0, 4), b]);
        session.Fire();
        Assert.Single(session.Query<Derived>());

        session.Retract(b);

        Assert.Empty(session.Query<Derived>());
    }

    [Fact]
    public void A_logical_fact_stays_while_another_match_supports_it()
    {
        var session = RuleCompiler.Compile([DeriveRule(true)]).CreateSession();
        var b1 = new B(0, 4);
        session.InsertAll([new A(0, 4), b1, new B(0, 4)]);
        session.Fire();

        session.Retract(b1);

        Assert.Single(session.Query<Derived>());
    }

    [Fact]
    public void A_plain_insert_survives_the_loss_of_its_match()
    {
        var session = RuleCompiler.Compile([DeriveRule(false)]).CreateSession();
        var b = new B(0, 4);
        session.InsertAll([new A(0, 4), b]);
        session.Fire();

        session.Retract(b);

        Assert.Single(session.Query<Derived>());
    }

    [Fact]
    public void Retracting_a_logical_fact_withdraws_the_matches_built_on_it()
    {
        var log = new FiringLog();
        var session = RuleCompiler.Compile([DeriveRule(true), ConsumeRule(log)]).CreateSession();
        var a = new A(0, 4);
        session.InsertAll([a, new B(0, 4), new C(0, 4)]);
        session.Fire(1);
        Assert.Single(session.Activations("consume"));

        session.Retract(a);

        Assert.Empty(session.Activations("consume"));
        Assert.Equal(0, session.Fire());
    }

    [Fact]
    public void Three_level_chain_reaches_the_last_rule()
    {
        var rules = new[]
        {
            new RuleBuilder("one").Match<A>("a").Then(ctx => ctx.InsertLogical(new Derived("one", ctx.Match.Get<A>("a").Key))).Build(),
            new RuleBuilder("two").Match<Derived>("d", (Derived d) => d.Name == "one")
                .Then(ctx => ctx.InsertLogical(new Derived("two", ctx.Match.Get<Derived>("d").Key))).Build(),
            new RuleBuilder("three").Match<Derived>("d", (Derived d) => d.Name == "two")
                .Then(ctx => ctx.InsertLogical(new Derived("three", ctx.Match.Get<Derived>("d").Key))).Build(),
        };
        var session = RuleCompiler.Compile(rules).CreateSession();
        var a = new A(0, 8);
        session.Insert(a);

        session.Fire();
        Assert.Contains(new Derived("three", 8), session.Query<Derived>());

        session.Retract(a);
        Assert.Empty(session.Query<Derived>());
    }
}
