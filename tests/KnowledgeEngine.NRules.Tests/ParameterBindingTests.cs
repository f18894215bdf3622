using System.Linq.Expressions;

namespace KnowledgeEngine.NRules.Tests;

/// <summary>Both engines decide what a condition's parameters read in one place, so they refuse the same
/// mistakes with the same message.</summary>
public class ParameterBindingTests
{
    private static RuleDefinition Rule(params LambdaExpression[] conditions) =>
        new RuleBuilder("binding").Match<A>("a").Match<B>("b", conditions).Then(_ => { }).Build();

    [Theory]
    [MemberData(nameof(Engines.Names), MemberType = typeof(Engines))]
    public void Two_parameters_naming_no_declaration_are_refused(string engine)
    {
        var rule = Rule((Expression<Func<B, B, bool>>)((x, y) => x.Key == y.Key));

        var error = Assert.Throws<RuleDefinitionException>(() => Engines.Compile(engine, rule));

        Assert.Equal("Rule 'binding': Undefined variables in condition on 'b'. Variables=x,y Declared=a", error.Message);
    }

    [Theory]
    [MemberData(nameof(Engines.Names), MemberType = typeof(Engines))]
    public void A_parameter_of_the_wrong_type_for_its_declaration_is_refused(string engine)
    {
        var rule = Rule((Expression<Func<B, C, bool>>)((b, a) => b.Key == a.Key));

        var error = Assert.Throws<RuleDefinitionException>(() => Engines.Compile(engine, rule));

        Assert.Equal("Rule 'binding': Parameter 'a' is C but declaration 'a' is A.", error.Message);
    }

    [Theory]
    [MemberData(nameof(Engines.Names), MemberType = typeof(Engines))]
    public void The_own_parameter_binds_whatever_its_name_and_an_earlier_one_by_name(string engine)
    {
        var rule = new RuleBuilder("binding").Match<A>("a").Match<B>("b", (Expression<Func<B, A, bool>>)((anything, a) => anything.Key == a.Key))
            .Then(_ => { }).Build();
        var session = Engines.Compile(engine, rule).CreateSession();
        session.Insert(new A(0, 1));
        session.Insert(new B(0, 1));
        session.Insert(new B(0, 2));

        Assert.Single(session.Activations("binding"));
    }
}

/// <summary>An exception thrown by a condition reaches the caller of the change as it was thrown, on both engines.</summary>
public class ConditionExceptionTests
{
    [Theory]
    [MemberData(nameof(Engines.Names), MemberType = typeof(Engines))]
    public void A_condition_that_throws_throws_its_own_exception_from_insert(string engine)
    {
        var rule = new RuleBuilder("throws")
            .Match<A>("a", (Expression<Func<A, bool>>)(a => Refuse(a.Key)))
            .Then(_ => { }).Build();
        var session = Engines.Compile(engine, rule).CreateSession();

        var error = Assert.Throws<InvalidOperationException>(() => session.Insert(new A(0, 1)));

        Assert.Equal("key 1 is not allowed", error.Message);
    }

    private static bool Refuse(int key) => key == 1 ? throw new InvalidOperationException("key 1 is not allowed") : key > 0;
}
