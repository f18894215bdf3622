using System.Linq.Expressions;

namespace KnowledgeEngine.Rete.Compilation;

/// <summary>Collects the parameters an expression reads.</summary>
internal sealed class ParameterCollector : ExpressionVisitor
{
    private readonly HashSet<ParameterExpression> _found = [];

    public static IReadOnlySet<ParameterExpression> Collect(Expression expression)
    {
        var collector = new ParameterCollector();
        collector.Visit(expression);
        return collector._found;
    }

    protected override Expression VisitParameter(ParameterExpression node)
    {
        _found.Add(node);
        return node;
    }

    protected override Expression VisitLambda<T>(Expression<T> node)
    {
        // Parameters of a nested lambda (e.g. inside Any(x => ...)) are its own, not the rule's.
        var inner = Collect(node.Body);
        foreach (var p in inner.Where(p => !node.Parameters.Contains(p)))
        {
            _found.Add(p);
        }

        return node;
    }
}
