namespace KnowledgeEngine.Rete.Tests;

public class JoinTests
{
    [Fact]
    public void Hash_join_fires_once_for_each_pair_with_equal_keys()
    {
        var log = new FiringLog();
        var rule = new RuleBuilder("pair")
            .Match<A>("a")
            .Match<B>("b", (B b, A a) => b.Key == a.Key)
            .Then(log.Record("pair"))
            .Build();
        var session = RuleCompiler.Compile([rule]).CreateSession();

        session.InsertAll([new A(0, 1), new A(0, 2), new B(0, 1), new B(0, 1), new B(0, 3)]);
        var fired = session.Fire();

        Assert.Equal(2, fired);
        Assert.All(log.Entries, e => Assert.Contains("k1", e));
    }

    [Fact]
    public void Non_equality_join_predicate_is_evaluated_on_candidates()
    {
        var rule = new RuleBuilder("greater")
            .Match<A>("a")
            .Match<B>("b", (B b, A a) => b.Value > a.Value)
            .Build();
        var session = RuleCompiler.Compile([rule]).CreateSession();

        session.InsertAll([new A(0, 0, 5), new B(0, 0, 4), new B(0, 0, 6), new B(0, 0, 9)]);

        Assert.Equal(2, session.Activations("greater").Count);
    }

    [Fact]
    public void Equality_and_predicate_combine_on_the_same_pattern()
    {
        var rule = new RuleBuilder("both")
            .Match<A>("a")
            .Match<B>("b", (B b, A a) => b.Key == a.Key && b.Value != a.Value)
            .Build();
        var session = RuleCompiler.Compile([rule]).CreateSession();

        session.InsertAll([new A(0, 1, 1), new B(0, 1, 1), new B(0, 1, 2), new B(0, 2, 2)]);

        var match = Assert.Single(session.Activations("both"));
        Assert.Equal(2, match.Match.Get<B>("b").Value);
    }

    [Fact]
    public void Fact_inserted_before_its_partner_still_joins()
    {
        var rule = new RuleBuilder("pair").Match<A>("a").Match<B>("b", (B b, A a) => b.Key == a.Key).Build();
        var session = RuleCompiler.Compile([rule]).CreateSession();

        session.Insert(new B(0, 7));
        session.Insert(new A(0, 7));

        Assert.Single(session.Activations("pair"));
    }

    [Fact]
    public void Self_join_pairs_a_fact_with_itself_exactly_once()
    {
        var rule = new RuleBuilder("self")
            .Match<A>("x")
            .Match<A>("y", (A y, A x) => y.Key == x.Key)
            .Build();
        var session = RuleCompiler.Compile([rule]).CreateSession();

        session.InsertAll([new A(0, 1), new A(0, 1)]);

        Assert.Equal(4, session.Activations("self").Count);
    }

    [Fact]
    public void Three_way_join_matches_only_complete_chains()
    {
        var rule = new RuleBuilder("abc")
            .Match<A>("a", (A a) => a.Group == 1)
            .Match<B>("b", (B b, A a) => b.Group == 1 && b.Key == a.Key)
            .Match<C>("c", (C c, B b) => c.Group == 1 && c.Key == b.Key)
            .Build();
        var session = RuleCompiler.Compile([rule]).CreateSession();

        session.InsertAll([new A(1, 1), new B(1, 1), new C(1, 1), new A(1, 2), new B(1, 2), new C(2, 2)]);

        var match = Assert.Single(session.Activations("abc"));
        Assert.Equal(1, match.Match.Get<C>("c").Key);
    }

    [Fact]
    public void Null_keys_join_like_the_equality_operator()
    {
        var rule = new RuleBuilder("nulls")
            .Match<Derived>("x")
            .Match<Derived>("y", (Derived y, Derived x) => y.Name == x.Name && y.Key != x.Key)
            .Build();
        var session = RuleCompiler.Compile([rule]).CreateSession();

        session.InsertAll([new Derived(null!, 1), new Derived(null!, 2)]);

        Assert.Equal(2, session.Activations("nulls").Count);
    }
}
