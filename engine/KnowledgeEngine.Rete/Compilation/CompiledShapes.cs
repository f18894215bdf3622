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
        var (factory, values) = ConstantHoister.Hoist(lambda);
        var shape = typeof(T).FullName + "|" + ExpressionKey.Of(factory, p => p.Name ?? "");
        var make = Factories.GetOrAdd(shape, static (_, f) => f.Compile(), factory);
        return ((Func<object?[], T>)make)(values);
    }
}
