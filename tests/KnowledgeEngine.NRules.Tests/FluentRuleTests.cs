using KnowledgeEngine.NRules.Fluent;
using NRules.Fluent.Dsl;

namespace KnowledgeEngine.NRules.Tests;

/// <summary>What a fluent rule means once translated into our rule model, held to both engines, and what
/// the translation refuses because our engine has no counterpart for it.</summary>
public class FluentRuleTests
{
    private static RuleDefinition Translated(Rule rule) => Assert.Single(FluentRules.From(rule));

    [Fact]
    public void The_name_priority_and_class_carry_over()
    {
        var rule = Translated(new FluentRuleShapes.Join());

        Assert.Equal("fluent/join", rule.Name);
        Assert.Equal(5, rule.Salience);
        Assert.Equal(typeof(FluentRuleShapes.Join), rule.Tag);
        Assert.Equal(3, rule.Elements.Count);
    }

    [Theory]
    [MemberData(nameof(Engines.Names), MemberType = typeof(Engines))]
    public void A_join_yields_its_fact_while_the_match_holds(string engine)
    {
        var session = Engines.Compile(engine, Translated(new FluentRuleShapes.Join())).CreateSession();
        var a = new A(0, 7, value: 1);
        var b = new B(0, 7, value: 2);
        session.Insert(a);
        session.Insert(b);
        session.Insert(new B(0, 8));
        session.Fire();

        Assert.Equal([new Derived("pair", 207)], session.Query<Derived>());

        session.Retract(b);
        session.Fire();
        Assert.Empty(session.Query<Derived>());
    }

    [Theory]
    [MemberData(nameof(Engines.Names), MemberType = typeof(Engines))]
    public void A_not_element_blocks_the_match(string engine)
    {
        var session = Engines.Compile(engine, Translated(new FluentRuleShapes.Join())).CreateSession();
        session.Insert(new A(0, 7, value: 1));
        session.Insert(new B(0, 7));
        session.Insert(new C(0, 7));
        session.Fire();

        Assert.Empty(session.Query<Derived>());
    }

    [Theory]
    [MemberData(nameof(Engines.Names), MemberType = typeof(Engines))]
    public void An_update_makes_the_match_yield_again_and_withdraws_the_old_fact(string engine)
    {
        var session = Engines.Compile(engine, Translated(new FluentRuleShapes.Join())).CreateSession();
        var b = new B(0, 7, value: 2);
        session.Insert(new A(0, 7, value: 1));
        session.Insert(b);
        session.Fire();

        b.Value = 3;
        session.Update(b);
        session.Fire();

        Assert.Equal([new Derived("pair", 307)], session.Query<Derived>());
    }

    [Theory]
    [MemberData(nameof(Engines.Names), MemberType = typeof(Engines))]
    public void A_plain_insert_stays_after_its_match_goes(string engine)
    {
        var session = Engines.Compile(engine, Translated(new FluentRuleShapes.InsertAndHalt())).CreateSession();
        var b = new B(0, 1);
        session.Insert(new A(0, 1));
        session.Insert(b);
        session.Fire();

        session.Retract(b);
        session.Fire();

        Assert.Equal([new Derived("kept", 1)], session.Query<Derived>());
    }

    [Theory]
    [MemberData(nameof(Engines.Names), MemberType = typeof(Engines))]
    public void Halt_stops_the_firing_after_the_action(string engine)
    {
        var session = Engines.Compile(engine, Translated(new FluentRuleShapes.InsertAndHalt())).CreateSession();
        foreach (var key in new[] { 1, 2, 3 })
        {
            session.Insert(new A(0, key));
            session.Insert(new B(0, key));
        }

        Assert.Equal(1, session.Fire());
        Assert.Equal(1, session.Fire());
        Assert.Equal(2, session.Query<Derived>().Count());
    }

    [Theory]
    [MemberData(nameof(Engines.Names), MemberType = typeof(Engines))]
    public void Linked_facts_inserted_together_go_with_the_match_and_plain_ones_stay(string engine)
    {
        var session = Engines.Compile(engine, Translated(new FluentRuleShapes.InsertAll())).CreateSession();
        var a = new A(0, 4);
        session.Insert(a);
        session.Fire();
        Assert.Equal(["linked-1", "linked-2", "plain-1", "plain-2"], session.Query<Derived>().Select(d => d.Name).Order());

        session.Retract(a);
        session.Fire();

        Assert.Equal(["plain-1", "plain-2"], session.Query<Derived>().Select(d => d.Name).Order());
    }

    public static TheoryData<Rule, string> Refused => new()
    {
        { new FluentRuleShapes.Or(), "its When() holds an element of kind Or" },
        { new FluentRuleShapes.Collect(), "its When() holds a pattern over an aggregate (Collect)" },
        { new FluentRuleShapes.Undo(), "insert the fact with Yield or InsertLinked instead" },
        { new FluentRuleShapes.Filter(), "put the test in a condition of When()" },
        { new FluentRuleShapes.Dependency(), "it declares dependencies" },
        { new FluentRuleShapes.NonRepeatable(), "it is NonRepeatable" },
        { new FluentRuleShapes.OnlyUndo(), "Its Define() failed: Rule must have at least one match action" },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public void What_our_engine_has_no_counterpart_for_is_refused_with_the_rule_name(Rule rule, string expected)
    {
        var error = Assert.Throws<RuleDefinitionException>(() => FluentRules.From(rule));

        Assert.True(error.Message.StartsWith("Rule 'fluent/", StringComparison.Ordinal) && error.Message.Contains(expected, StringComparison.Ordinal), error.Message);
    }
}
