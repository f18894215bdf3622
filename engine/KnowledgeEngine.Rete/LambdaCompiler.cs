using System.Linq.Expressions;
using KnowledgeEngine.Rete.Compilation;

namespace KnowledgeEngine.Rete;

/// <summary>
/// Compiles the lambdas a rule layer builds beside its conditions (value readers, templates) the way the
/// engine compiles its own: lambdas that differ only in their constants share one compiled factory, so a
/// thousand rules reading the same field with different names cost one compilation.
/// </summary>
public static class LambdaCompiler
{
    /// <summary>The lambda as a delegate; a lambda of a shape compiled before reuses its code. A <c>Func</c> of one or two
    /// arguments whose shape was not compiled yet is interpreted for its first few hundred calls and then compiled:
    /// most of a diagnosis's lambdas run a few times, and compiling each cost more than interpreting it.</summary>
    public static T Compile<T>(Expression<T> lambda) where T : Delegate
    {
        ArgumentNullException.ThrowIfNull(lambda);
        return CompiledShapes.Tiered(lambda);
    }

    /// <summary>The parameters an expression reads, without those of lambdas nested in it (the x of
    /// <c>Any(x => …)</c>): the declarations a condition depends on.</summary>
    public static IReadOnlySet<ParameterExpression> ParametersOf(Expression expression)
    {
        ArgumentNullException.ThrowIfNull(expression);
        return ParameterCollector.Collect(expression);
    }
}
