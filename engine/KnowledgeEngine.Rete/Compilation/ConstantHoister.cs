using System.Linq.Expressions;

namespace KnowledgeEngine.Rete.Compilation;

/// <summary>
/// Moves the constants of a lambda into an array parameter: <c>fact =&gt; fact.Text.Contains("a")</c>
/// becomes <c>values =&gt; fact =&gt; fact.Text.Contains((string)values[0])</c>. Conditions that differ
/// only in their constants (a thousand rules, a thousand literals) then share one compiled
/// factory, and building the network compiles once per shape instead of once per condition.
/// </summary>
internal static class ConstantHoister
{
    public static (LambdaExpression Factory, object?[] Values) Hoist(LambdaExpression lambda)
    {
        var values = Expression.Parameter(typeof(object[]), "values");
        var rewriter = new Rewriter(values);
        var inner = Expression.Lambda(lambda.Type, rewriter.Visit(lambda.Body)!, lambda.Parameters);
        var factory = Expression.Lambda(typeof(Func<,>).MakeGenericType(typeof(object[]), lambda.Type), inner, values);
        return (factory, rewriter.Values.ToArray());
    }

    private sealed class Rewriter(ParameterExpression values) : ExpressionVisitor
    {
        public List<object?> Values { get; } = [];

        protected override Expression VisitConstant(ConstantExpression node)
        {
            if (node.Value is null)
            {
                return node; // a typed null carries no value worth sharing
            }

            Values.Add(node.Value);
            return Expression.Convert(Expression.ArrayIndex(values, Expression.Constant(Values.Count - 1)), node.Type);
        }
    }
}
