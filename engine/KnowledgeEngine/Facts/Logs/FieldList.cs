using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace KnowledgeEngine.Facts.Logs;

/// <summary>
/// The structured fields of one record (syslog pid, klog thread, logfmt and JSON keys) in the order
/// they were set, a later value for a key replacing the earlier one. Most records carry one to three
/// fields, and every kept record has its own list: a hash table per record was over half of what
/// reading a log allocated, where a short array searched in order costs a quarter of it.
/// </summary>
internal sealed class FieldList : IReadOnlyDictionary<string, string>
{
    private KeyValuePair<string, string>[] _pairs = new KeyValuePair<string, string>[2];

    public int Count { get; private set; }

    public string this[string key] => TryGetValue(key, out var value) ? value : throw new KeyNotFoundException($"No field '{key}' in this record.");

    public IEnumerable<string> Keys => this.Select(p => p.Key);

    public IEnumerable<string> Values => this.Select(p => p.Value);

    public void Set(string key, string value)
    {
        var at = IndexOf(key);
        if (at >= 0)
        {
            _pairs[at] = new(key, value);
            return;
        }

        if (Count == _pairs.Length)
        {
            Array.Resize(ref _pairs, Count * 2);
        }

        _pairs[Count++] = new(key, value);
    }

    public bool ContainsKey(string key) => IndexOf(key) >= 0;

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out string value)
    {
        var at = IndexOf(key);
        value = at >= 0 ? _pairs[at].Value : null;
        return at >= 0;
    }

    public IEnumerator<KeyValuePair<string, string>> GetEnumerator()
    {
        for (var i = 0; i < Count; i++)
        {
            yield return _pairs[i];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private int IndexOf(string key)
    {
        for (var i = 0; i < Count; i++)
        {
            if (string.Equals(_pairs[i].Key, key, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }
}
