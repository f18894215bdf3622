using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace KnowledgeEngine.Rules.Running;

/// <summary>
/// The values one match read (name.field → text), over the names its rule can read. Every match of a
/// rule shares the names and their index; a match holds only its texts, null where a value was not
/// found. When every line of a bundle fires a rule, a dictionary per match was the largest allocation
/// of describing the run.
/// </summary>
internal sealed class MatchValues(MatchValues.Names names, string?[] texts) : IReadOnlyDictionary<string, string>
{
    public string this[string key] => TryGetValue(key, out var value) ? value : throw new KeyNotFoundException($"No value '{key}' in this match.");

    public IEnumerable<string> Keys => this.Select(p => p.Key);

    public IEnumerable<string> Values => this.Select(p => p.Value);

    public int Count { get; } = texts.Count(t => t is not null);

    public bool ContainsKey(string key) => TryGetValue(key, out _);

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out string value)
    {
        value = names.IndexOf(key) is var at and >= 0 ? texts[at] : null;
        return value is not null;
    }

    public IEnumerator<KeyValuePair<string, string>> GetEnumerator()
    {
        for (var i = 0; i < texts.Length; i++)
        {
            if (texts[i] is { } text)
            {
                yield return new KeyValuePair<string, string>(names.All[i], text);
            }
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>A rule's value names in a fixed order, with their positions for lookups.</summary>
    internal sealed class Names(IReadOnlyList<string> all)
    {
        private readonly Dictionary<string, int> _index = all.Select((name, i) => (name, i)).ToDictionary(p => p.name, p => p.i, StringComparer.Ordinal);

        public IReadOnlyList<string> All { get; } = all;

        public int IndexOf(string name) => _index.GetValueOrDefault(name, -1);
    }
}
