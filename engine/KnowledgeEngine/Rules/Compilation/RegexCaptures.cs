using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using KnowledgeEngine.Facts;

namespace KnowledgeEngine.Rules.Compilation;

/// <summary>
/// The match of a log condition's regex on a record, computed once per (record, regex) however
/// many conditions, joins and templates read it. The table holds records weakly, so it empties
/// with the facts.
/// </summary>
internal static class RegexCaptures
{
    private static readonly ConditionalWeakTable<LogFact, Dictionary<LazyRegex, Match?>> Table = new();

    public static bool Matches(LogFact fact, LazyRegex regex) => Of(fact, regex) is not null;

    /// <summary>A named group's value; null when the regex did not match or the group took no part.</summary>
    public static string? Get(LogFact fact, LazyRegex regex, string group) =>
        Of(fact, regex) is { } match && match.Groups[group] is { Success: true } captured ? captured.Value : null;

    private static Match? Of(LogFact fact, LazyRegex regex)
    {
        var matches = Table.GetValue(fact, _ => new Dictionary<LazyRegex, Match?>(1));
        lock (matches)
        {
            if (!matches.TryGetValue(regex, out var match))
            {
                match = regex.Match(fact.Text); // a pathological line counts as not matching rather than stopping the diagnosis
                matches[regex] = match;
            }

            return match;
        }
    }
}
