using System.Collections.Concurrent;
using System.Text.RegularExpressions;

namespace KnowledgeEngine.Rules.Expressions;

/// <summary>
/// One Regex per pattern text for the whole process: identical conditions in different rules
/// then hold the same constant, which is how the engine recognises them as shareable.
/// </summary>
internal static class RegexCache
{
    /// <summary>Only for the backtracking fallback, which can explode on crafted input. A
    /// non-backtracking regex runs in linear time, so it gets no timeout: a wall-clock limit would
    /// make matching depend on machine load (its first match also builds the automaton).</summary>
    public static readonly TimeSpan MatchTimeout = TimeSpan.FromSeconds(1);

    private static readonly ConcurrentDictionary<string, Regex> Cache = new(StringComparer.Ordinal);

    /// <summary>The interned regex; throws <see cref="RegexParseException"/> for a bad pattern.</summary>
    public static Regex Get(string pattern) => Cache.GetOrAdd(pattern, Create);

    private static Regex Create(string pattern)
    {
        try
        {
            // Linear time whatever the input; patterns with backreferences or lookarounds fall back.
            return new Regex(pattern, RegexOptions.CultureInvariant | RegexOptions.NonBacktracking, Regex.InfiniteMatchTimeout);
        }
        catch (NotSupportedException)
        {
            return new Regex(pattern, RegexOptions.CultureInvariant, MatchTimeout);
        }
    }
}
