namespace KnowledgeEngine.Rete.Tests;

public class AggregateTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 14, 9, 0, 0, TimeSpan.Zero);

    private static RuleDefinition CountRule(int atLeast, TimeWindow? window = null) => new RuleBuilder("burst")
        .Match<A>("a")
        .Aggregate<B>("n", AggregateKind.Count, window,
            [(B b, A a) => b.Key == a.Key],
            (AggregateResult n) => n.Count >= atLeast)
        .Build();

    [Fact]
    public void Count_holds_once_enough_facts_join()
    {
        var session = RuleCompiler.Compile([CountRule(3)]).CreateSession();
        session.Insert(new A(0, 1));

        session.InsertAll([new B(0, 1), new B(0, 1)]);
        Assert.Empty(session.Activations("burst"));

        session.Insert(new B(0, 1));
        var match = Assert.Single(session.Activations("burst"));
        Assert.Equal(3, match.Match.Get<AggregateResult>("n").Count);
    }

    [Fact]
    public void Count_drops_below_threshold_when_a_fact_is_retracted()
    {
        var session = RuleCompiler.Compile([CountRule(2)]).CreateSession();
        var b = new B(0, 1);
        session.InsertAll([new A(0, 1), b, new B(0, 1)]);

        session.Retract(b);

        Assert.Empty(session.Activations("burst"));
    }

    [Fact]
    public void Count_of_zero_is_a_result()
    {
        var rule = new RuleBuilder("none")
            .Match<A>("a")
            .Aggregate<B>("n", AggregateKind.Count, null, [(B b, A a) => b.Key == a.Key], (AggregateResult n) => n.Count == 0)
            .Build();
        var session = RuleCompiler.Compile([rule]).CreateSession();

        session.Insert(new A(0, 1));

        Assert.Single(session.Activations("none"));
    }

    [Fact]
    public void Collect_binds_the_matching_facts_in_insertion_order()
    {
        var rule = new RuleBuilder("all")
            .Match<A>("a")
            .Aggregate<B>("items", AggregateKind.Collect, null, [(B b, A a) => b.Key == a.Key])
            .Build();
        var session = RuleCompiler.Compile([rule]).CreateSession();
        var first = new B(0, 1, 1);
        var second = new B(0, 1, 2);

        session.InsertAll([new A(0, 1), first, new B(0, 2), second]);

        var result = Assert.Single(session.Activations("all")).Match.Get<AggregateResult>("items");
        Assert.Equal([first, second], result.Items);
    }

    [Fact]
    public void Time_window_counts_the_densest_span_only()
    {
        var window = new TimeWindow(TimeSpan.FromMinutes(3), (B b) => b.Time);
        var session = RuleCompiler.Compile([CountRule(3, window)]).CreateSession();
        session.Insert(new A(0, 1));

        // Three lines, but never three within three minutes of each other.
        session.InsertAll([At(0), At(2), At(6)]);
        Assert.Empty(session.Activations("burst"));

        session.InsertAll([At(7), At(8)]);
        var result = Assert.Single(session.Activations("burst")).Match.Get<AggregateResult>("n");
        Assert.Equal(3, result.Count);
        Assert.Equal(T0.AddMinutes(6), result.First);
        Assert.Equal(T0.AddMinutes(8), result.Last);

        static B At(int minute) => new(0, 1) { Time = T0.AddMinutes(minute) };
    }

    [Fact]
    public void Changed_aggregate_fires_again_with_the_new_value()
    {
        var counts = new List<int>();
        var rule = new RuleBuilder("count")
            .Match<A>("a")
            .Aggregate<B>("n", AggregateKind.Count, null, [(B b, A a) => b.Key == a.Key], (AggregateResult n) => n.Count > 0)
            .Then(ctx => counts.Add(ctx.Match.Get<AggregateResult>("n").Count))
            .Build();
        var session = RuleCompiler.Compile([rule]).CreateSession();
        session.InsertAll([new A(0, 1), new B(0, 1)]);
        session.Fire();

        session.Insert(new B(0, 1));
        session.Fire();

        Assert.Equal([1, 2], counts);
    }
}
