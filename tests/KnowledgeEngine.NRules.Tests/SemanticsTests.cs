namespace KnowledgeEngine.NRules.Tests;

/// <summary>One behaviour of our session semantics each, held to both back ends.</summary>
public class SemanticsTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 14, 9, 0, 0, TimeSpan.Zero);

    [Theory]
    [MemberData(nameof(Engines.Names), MemberType = typeof(Engines))]
    public void A_join_pairs_only_facts_whose_condition_reads_the_earlier_fact(string engine)
    {
        var rule = new RuleBuilder("join").Match<A>("a").Match<B>("b", (B b, A a) => b.Key == a.Key).Build();
        var session = Engines.Compile(engine, rule).CreateSession();
        var a1 = new A(0, 1);
        var b1 = new B(0, 1);

        session.InsertAll([a1, new A(0, 2), b1, new B(0, 3)]);

        var match = Assert.Single(session.Activations("join")).Match;
        Assert.Same(a1, match["a"]);
        Assert.Same(b1, match["b"]);
    }

    [Theory]
    [MemberData(nameof(Engines.Names), MemberType = typeof(Engines))]
    public void A_not_holds_until_a_joining_fact_arrives_and_again_when_it_leaves(string engine)
    {
        var rule = new RuleBuilder("lonely").Match<A>("a").Not<B>("b", (B b, A a) => b.Key == a.Key).Build();
        var session = Engines.Compile(engine, rule).CreateSession();
        var b = new B(0, 1);
        session.Insert(new A(0, 1));
        Assert.Single(session.Activations("lonely"));

        session.Insert(b);
        Assert.Empty(session.Activations("lonely"));

        session.Retract(b);
        var match = Assert.Single(session.Activations("lonely")).Match;
        Assert.Null(match.Facts[1]);
    }

    [Theory]
    [MemberData(nameof(Engines.Names), MemberType = typeof(Engines))]
    public void An_exists_makes_one_match_however_many_facts_join(string engine)
    {
        var rule = new RuleBuilder("any").Match<A>("a").Exists<B>("b", (B b, A a) => b.Key == a.Key).Build();
        var session = Engines.Compile(engine, rule).CreateSession();
        session.Insert(new A(0, 1));
        Assert.Empty(session.Activations("any"));

        session.InsertAll([new B(0, 1), new B(0, 1)]);

        Assert.Single(session.Activations("any"));
    }

    [Theory]
    [MemberData(nameof(Engines.Names), MemberType = typeof(Engines))]
    public void A_count_in_a_window_keeps_the_densest_span_oldest_first(string engine)
    {
        var window = new TimeWindow(TimeSpan.FromMinutes(5), (System.Linq.Expressions.Expression<Func<B, DateTimeOffset?>>)(x => x.Time));
        var rule = new RuleBuilder("burst")
            .Match<A>("a")
            .Aggregate<B>("n", AggregateKind.Count, window, [(B b, A a) => b.Key == a.Key], (AggregateResult n) => n.Count >= 3)
            .Build();
        var session = Engines.Compile(engine, rule).CreateSession();
        var late = new[] { At(20), At(22), At(21) };
        session.Insert(new A(0, 1));

        session.InsertAll([At(0), At(9), .. late]);

        var result = Assert.Single(session.Activations("burst")).Match.Get<AggregateResult>("n");
        Assert.Equal([late[0], late[2], late[1]], result.Items);
        Assert.Equal(T0.AddMinutes(20), result.First);
        Assert.Equal(T0.AddMinutes(22), result.Last);
    }

    [Theory]
    [MemberData(nameof(Engines.Names), MemberType = typeof(Engines))]
    public void A_count_of_no_facts_is_a_result(string engine)
    {
        var rule = new RuleBuilder("none")
            .Match<A>("a")
            .Aggregate<B>("n", AggregateKind.Count, null, [(B b, A a) => b.Key == a.Key], (AggregateResult n) => n.Count == 0)
            .Build();
        var session = Engines.Compile(engine, rule).CreateSession();

        session.Insert(new A(0, 1));

        Assert.Single(session.Activations("none"));
    }

    [Theory]
    [MemberData(nameof(Engines.Names), MemberType = typeof(Engines))]
    public void A_collect_lists_the_matching_facts_in_insertion_order_after_updates(string engine)
    {
        var rule = new RuleBuilder("all")
            .Match<A>("a")
            .Aggregate<B>("items", AggregateKind.Collect, null, [(B b, A a) => b.Key == a.Key])
            .Build();
        var session = Engines.Compile(engine, rule).CreateSession();
        B first = new(0, 1), second = new(0, 1), third = new(0, 1);
        session.InsertAll([new A(0, 1), first, second, third]);

        first.Value = 7;
        session.Update(first);

        var items = Assert.Single(session.Activations("all")).Match.Get<AggregateResult>("items").Items;
        Assert.Equal([first, second, third], items);
    }

    [Theory]
    [MemberData(nameof(Engines.Names), MemberType = typeof(Engines))]
    public void A_logical_fact_stays_while_one_of_its_matches_supports_it(string engine)
    {
        var rule = new RuleBuilder("derive")
            .Match<A>("a")
            .Then(ctx => ctx.InsertLogical(new Derived("d", ctx.Match.Get<A>("a").Key)))
            .Build();
        // Derived is a record: told apart by value, the two matches derive one fact.
        var session = Engines.Compile(engine, rule).CreateSession(new SessionOptions { FactIdentity = EqualityComparer<object>.Default });
        A one = new(0, 5), two = new(1, 5);
        session.InsertAll([one, two]);
        session.Fire();
        Assert.Single(session.Query<Derived>());

        session.Retract(one);
        Assert.Single(session.Query<Derived>());

        session.Retract(two);
        Assert.Empty(session.Query<Derived>());
    }

    [Theory]
    [MemberData(nameof(Engines.Names), MemberType = typeof(Engines))]
    public void A_logical_fact_is_withdrawn_when_an_update_undoes_its_match(string engine)
    {
        var rule = new RuleBuilder("derive")
            .Match<A>("a", (A a) => a.Value > 0)
            .Then(ctx => ctx.InsertLogical(new Derived("d", ctx.Match.Get<A>("a").Key)))
            .Build();
        var session = Engines.Compile(engine, rule).CreateSession();
        var a = new A(0, 5, 1);
        session.Insert(a);
        session.Fire();

        a.Value = 0;
        session.Update(a);

        Assert.Empty(session.Query<Derived>());
    }

    [Theory]
    [MemberData(nameof(Engines.Names), MemberType = typeof(Engines))]
    public void An_update_fires_the_rule_again_even_when_nothing_changed(string engine)
    {
        var log = new FiringLog();
        var rule = new RuleBuilder("seen").Match<A>("a").Exists<B>("b", (B b, A a) => b.Key == a.Key).Then(log.Record("seen")).Build();
        var session = Engines.Compile(engine, rule).CreateSession();
        var a = new A(0, 1);
        var b = new B(0, 1);
        session.InsertAll([a, b]);
        session.Fire();

        session.Update(a);
        session.Fire();
        session.Update(b);
        session.Fire();

        Assert.Equal(3, log.Entries.Count);
    }

    [Theory]
    [MemberData(nameof(Engines.Names), MemberType = typeof(Engines))]
    public void Higher_salience_fires_first_then_the_most_recent_match(string engine)
    {
        var log = new FiringLog();
        var low = new RuleBuilder("low").Match<A>("a").Then(log.Record("low")).Build();
        var high = new RuleBuilder("high").Salience(10).Match<B>("b").Then(log.Record("high")).Build();
        var session = Engines.Compile(engine, low, high).CreateSession();

        session.InsertAll([new A(0, 1), new B(0, 2), new A(0, 3)]);
        session.Fire();

        Assert.Equal(["high:B(g0,k2,v0)", "low:A(g0,k3,v0)", "low:A(g0,k1,v0)"], log.Entries);
    }

    [Theory]
    [MemberData(nameof(Engines.Names), MemberType = typeof(Engines))]
    public void Halt_stops_firing_after_the_action_and_leaves_the_rest_queued(string engine)
    {
        var rule = new RuleBuilder("stop").Match<A>("a").Then(ctx => ctx.Halt()).Build();
        var session = Engines.Compile(engine, rule).CreateSession();
        session.InsertAll([new A(0, 1), new A(0, 2)]);

        Assert.Equal(1, session.Fire());
        Assert.Equal(1, session.AgendaCount);
    }

    [Theory]
    [MemberData(nameof(Engines.Names), MemberType = typeof(Engines))]
    public void Events_name_the_activation_that_inserted_a_fact(string engine)
    {
        var rule = new RuleBuilder("derive").Match<A>("a").Then(ctx => ctx.Insert(new Derived("d", 1))).Build();
        var session = Engines.Compile(engine, rule).CreateSession();
        var seen = new List<string>();
        session.Events.FactInserted += (_, e) => seen.Add($"{e.Fact}<-{e.Cause?.Rule.Name ?? "caller"}");
        session.Events.RuleFired += (_, e) => seen.Add("fired " + e.Rule.Name);

        session.Insert(new A(0, 1));
        session.Fire();

        Assert.Equal(["A(g0,k1,v0)<-caller", "Derived { Name = d, Key = 1 }<-derive", "fired derive"], seen);
    }

    private static B At(int minute) => new(0, 1) { Time = T0.AddMinutes(minute) };
}
