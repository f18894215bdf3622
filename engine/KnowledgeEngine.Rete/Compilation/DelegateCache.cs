using System.Linq.Expressions;

namespace KnowledgeEngine.Rete.Compilation;

/// <summary>Compiled delegates by the canonical text of their expression. Compiling is the
/// dominant cost of building a network; rules that read the same key (b.Key, $t0.Key) or test the
/// same condition share one delegate, and conditions that differ only in constants share one
/// compiled factory (see <see cref="CompiledShapes"/>).</summary>
internal sealed class DelegateCache
{
    private readonly Dictionary<string, Delegate> _compiled = new(StringComparer.Ordinal);

    public T Get<T>(string key, Func<Expression<T>> build) where T : Delegate
    {
        var cacheKey = typeof(T).Name + "|" + key;
        if (!_compiled.TryGetValue(cacheKey, out var compiled))
        {
            _compiled[cacheKey] = compiled = CompiledShapes.Compile(build());
        }

        return (T)compiled;
    }
}
