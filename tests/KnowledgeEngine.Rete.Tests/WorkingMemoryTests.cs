namespace KnowledgeEngine.Rete.Tests;

public class WorkingMemoryTests
{
    private static RuleDefinition PairRule(FiringLog? log = null)
    {
        var builder = new RuleBuilder("pair").Match<A>("a").Match<B>("b", (B b, A a) => b.Key == a.Key);
        if (log is not null)
        {
            builder.Then(log.Record("pair"));
        }

        return builder.Build();
    }

    [Fact]
    public void Update_moves_a_fact_to_its_new_join_partners()
    {
        var session = RuleCompiler.Compile([PairRule()]).CreateSession();
        var b = new B(0, 1);
        session.InsertAll([new A(0, 1), new A(0, 2), b]);

        b.Key = 2;
        session.Update(b);

        var match = Assert.Single(session.Activations("pair"));
        Assert.Equal(2, match.Match.Get<A>("a").Key);
    }

    [Fact]
    public void Update_makes_an_affected_rule_fire_again()
    {
        var log = new FiringLog();
        var session = RuleCompiler.Compile([PairRule(log)]).CreateSession();
        var a = new A(0, 1);
        session.InsertAll([a, new B(0, 1)]);
        session.Fire();

        a.Value = 9;
        session.Update(a);
        session.Fire();

        Assert.Equal(2, log.Entries.Count);
    }

    [Fact]
    public void Update_leaves_the_alpha_memory_the_fact_no_longer_passes()
    {
        var rule = new RuleBuilder("g1").Match<A>("a", (A a) => a.Group == 1).Build();
        var session = RuleCompiler.Compile([rule]).CreateSession();
        var a = new A(1, 0);
        session.Insert(a);

        a.Group = 2;
        session.Update(a);

        Assert.Empty(session.Activations("g1"));
    }

    [Fact]
    public void Retract_cascades_through_every_partial_match()
    {
        var rule = new RuleBuilder("abc")
            .Match<A>("a")
            .Match<B>("b", (B b, A a) => b.Key == a.Key)
            .Match<C>("c", (C c, B b) => c.Key == b.Key)
            .Build();
        var session = RuleCompiler.Compile([rule]).CreateSession();
        var a = new A(0, 1);
        session.InsertAll([a, new B(0, 1), new B(0, 1), new C(0, 1)]);
        Assert.Equal(2, session.Activations("abc").Count);

        session.Retract(a);

        Assert.Empty(session.Activations("abc"));
        Assert.Equal(3, session.FactCount);
    }

    [Fact]
    public void Key_identity_lets_update_take_a_new_immutable_object()
    {
        var rule = new RuleBuilder("d").Match<Derived>("d", (Derived d) => d.Key > 5).Build();
        var options = new SessionOptions { FactIdentity = new ByName() };
        var session = RuleCompiler.Compile([rule]).CreateSession(options);
        session.Insert(new Derived("host", 1));

        session.Update(new Derived("host", 9));

        Assert.Equal(9, Assert.Single(session.Activations("d")).Match.Get<Derived>("d").Key);
        Assert.Equal(1, session.FactCount);
    }

    [Fact]
    public void Query_returns_the_facts_of_a_type()
    {
        var session = RuleCompiler.Compile([PairRule()]).CreateSession();

        session.InsertAll([new A(0, 1), new B(0, 1), new A(0, 2)]);

        Assert.Equal(2, session.Query<A>().Count());
    }

    private sealed class ByName : IEqualityComparer<object>
    {
        public new bool Equals(object? x, object? y) => x is Derived dx && y is Derived dy ? dx.Name == dy.Name : ReferenceEquals(x, y);

        public int GetHashCode(object obj) => obj is Derived d ? d.Name.GetHashCode() : obj.GetHashCode();
    }
}
