using System.Linq.Expressions;

namespace KnowledgeEngine.Rete.Compilation;

/// <summary>Compiled delegates by the canonical text of their expression. Compiling is the
/// dominant cost of building a network; rules that read the same key (b.Key, $t0.Key) or test the
/// same condition share one delegate, and conditions that differ only in constants share one
/// compiled factory (see <see cref="CompiledShapes"/>); a shape not compiled before starts interpreted
/// (<see cref="TieredDelegate"/>).</summary>
internal sealed class DelegateCache
{
    private readonly Dictionary<string, Delegate> _compiled = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _texts = new(StringComparer.Ordinal);

    /// <summary>One instance of each key text. Keys spell out whole expressions and every rule builds its own, so
    /// without this the same text stood in memory once per rule: with 5,000 generated rules, a heap dump after
    /// loading held 62 MB of strings, most of them copies of a few dozen join and predicate keys.</summary>
    public string Intern(string text)
    {
        if (_texts.TryGetValue(text, out var known))
        {
            return known;
        }

        _texts[text] = text;
        return text;
    }

    public T Get<T>(string key, Func<Expression<T>> build) where T : Delegate
    {
        var cacheKey = typeof(T).Name + "|" + key;
        if (!_compiled.TryGetValue(cacheKey, out var compiled))
        {
            _compiled[cacheKey] = compiled = CompiledShapes.Tiered(build());
        }

        return (T)compiled;
    }
}
