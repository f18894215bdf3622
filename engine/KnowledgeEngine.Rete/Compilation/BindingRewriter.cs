using System.Linq.Expressions;

namespace KnowledgeEngine.Rete.Compilation;

/// <summary>Replaces a condition's parameters by reads from the fact or the tuple, leaving the
/// parameters of nested lambdas (e.g. inside Any(x =&gt; ...)) alone.</summary>
internal sealed class BindingRewriter(Func<ParameterExpression, Expression> read) : ExpressionVisitor
{
    private readonly HashSet<ParameterExpression> _nested = [];

    protected override Expression VisitParameter(ParameterExpression node) =>
        _nested.Contains(node) ? node : read(node);

    protected override Expression VisitLambda<T>(Expression<T> node)
    {
        _nested.UnionWith(node.Parameters);
        return base.VisitLambda(node);
    }
}
