using System.Linq.Expressions;

namespace KnowledgeEngine.Rete;

/// <summary>Mutable builder of an immutable <see cref="RuleDefinition"/>. Condition lambdas name
/// their parameters after declarations: <c>(B b, A a) =&gt; b.Key == a.Key</c> joins b to a.</summary>
public sealed class RuleBuilder(string name)
{
    private readonly List<RuleElement> _elements = [];
    private readonly List<Action<IActionContext>> _actions = [];
    private int _salience;
    private object? _tag;

    public RuleBuilder Salience(int salience)
    {
        _salience = salience;
        return this;
    }

    public RuleBuilder Tag(object tag)
    {
        _tag = tag;
        return this;
    }

    public RuleBuilder Match<T>(string declaration, params LambdaExpression[] conditions)
    {
        _elements.Add(Pattern<T>(declaration, conditions));
        return this;
    }

    public RuleBuilder Not<T>(string declaration, params LambdaExpression[] conditions)
    {
        _elements.Add(new NotElement(Pattern<T>(declaration, conditions)));
        return this;
    }

    public RuleBuilder Exists<T>(string declaration, params LambdaExpression[] conditions)
    {
        _elements.Add(new ExistsElement(Pattern<T>(declaration, conditions)));
        return this;
    }

    /// <summary>Binds <paramref name="result"/> to the aggregate of the facts matching the source
    /// pattern; <paramref name="resultConditions"/> filter on the result (e.g. <c>(AggregateResult n) =&gt; n.Count &gt;= 3</c>).</summary>
    public RuleBuilder Aggregate<T>(
        string result,
        AggregateKind kind,
        TimeWindow? window,
        LambdaExpression[] sourceConditions,
        params LambdaExpression[] resultConditions)
    {
        var source = Pattern<T>(result + "$source", sourceConditions);
        _elements.Add(new AggregateElement(
            new Declaration(result, typeof(AggregateResult)), source, kind, window, resultConditions));
        return this;
    }

    public RuleBuilder Then(Action<IActionContext> action)
    {
        _actions.Add(action);
        return this;
    }

    public RuleDefinition Build() => new(name, _salience, _elements.ToArray(), _actions.ToArray()) { Tag = _tag };

    private static PatternElement Pattern<T>(string declaration, LambdaExpression[] conditions) =>
        new(new Declaration(declaration, typeof(T)), conditions);
}
