using System.Collections.Concurrent;
using System.Linq.Expressions;

namespace KnowledgeEngine.Rete.Compilation;

/// <summary>
/// Compiles lambdas once per shape for the whole process: constants are hoisted out (see
/// <see cref="ConstantHoister"/>) and the factory compiled for a shape is reused by every lambda of
/// that shape, in every network and rule set built. Each compiled lambda is a dynamic method that
/// the JIT compiles on its first call; a thousand rules reading <c>host.name</c> would otherwise be
/// a thousand of them, paid when the rules first fire.
/// </summary>
internal static class CompiledShapes
{
    private static readonly ConcurrentDictionary<string, Delegate> Factories = new(StringComparer.Ordinal);

    public static T Compile<T>(Expression<T> lambda) where T : Delegate
    {
        var (factory, values, shape) = Shape(lambda);
        return Made<T>(factory, values, shape);
    }

    /// <summary>The lambda as compiled code when its shape was compiled before; otherwise interpreted for its first
    /// calls and compiled once it has run often (<see cref="TieredDelegate"/>).</summary>
    public static T Tiered<T>(Expression<T> lambda) where T : Delegate
    {
        // Until something is compiled no shape can match, and a network's build need not spell out the key of every
        // lambda it makes (most never reach the threshold): the shape is then found when the lambda is compiled.
        if (Factories.IsEmpty)
        {
            return TieredDelegate.Create(lambda, () => Compile(lambda));
        }

        var (factory, values, shape) = Shape(lambda);
        if (Factories.TryGetValue(shape, out var compiled))
        {
            return ((Func<object?[], T>)compiled)(values);
        }

        return TieredDelegate.Create(lambda, () => Made<T>(factory, values, shape));
    }

    /// <summary>The lambda made by its shape's factory, which is compiled when the shape is first seen.</summary>
    private static T Made<T>(LambdaExpression factory, object?[] values, string shape) where T : Delegate =>
        ((Func<object?[], T>)Factories.GetOrAdd(shape, static (_, f) => f.Compile(), factory))(values);

    private static (LambdaExpression Factory, object?[] Values, string Shape) Shape<T>(Expression<T> lambda) where T : Delegate
    {
        var (factory, values) = ConstantHoister.Hoist(lambda);
        return (factory, values, typeof(T).FullName + "|" + ExpressionKey.Of(factory, p => p.Name ?? ""));
    }
}
