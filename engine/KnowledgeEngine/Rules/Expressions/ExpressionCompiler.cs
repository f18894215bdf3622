using System.Linq.Expressions;

namespace KnowledgeEngine.Rules.Expressions;

/// <summary>Type-checks an expression and compiles it to a bool-typed LINQ expression body.</summary>
internal static class ExpressionCompiler
{
    /// <summary>
    /// Compiles <paramref name="node"/>. All errors of the expression go to
    /// <paramref name="bag"/> (KB103 unknown name, KB104 type, KB105 regex); the result is
    /// then null. The body uses the expressions of the scope's bindings, so the caller wraps
    /// it in a lambda over its own parameters. <c>and</c> compiles to AndAlso and typed
    /// equalities to Expression.Equal, so conjuncts and join keys can be taken apart.
    /// </summary>
    /// <param name="origin">
    /// The origin the text was parsed with, so errors point into the rule file; without it
    /// positions are relative to the expression.
    /// </param>
    public static Expression? Compile(ExprNode node, IExpressionScope scope, DiagnosticBag bag, SourceSpan? origin = null)
    {
        ArgumentNullException.ThrowIfNull(node);
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(bag);
        var errorsBefore = bag.ErrorCount;
        var context = new CompileContext(scope, bag, origin);
        var result = new NodeCompiler(context).Compile(node);
        if (result is not { } typed || bag.ErrorCount != errorsBefore)
        {
            return null;
        }

        if (typed.Type is not (ExprType.Bool or ExprType.Any))
        {
            context.TypeError(node, $"a condition must be true or false, found {CompileContext.Describe(node, typed.Type)}",
                $"compare it, e.g. {ExpressionPrinter.Print(node)} {(typed.Type == ExprType.Number ? "> 0" : "== 'x'")}");
            return null;
        }

        return Coercion.ToBool(typed);
    }
}
