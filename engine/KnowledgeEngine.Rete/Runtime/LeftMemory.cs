namespace KnowledgeEngine.Rete.Runtime;

/// <summary>The tuples that reached a join-like node from its left, hashed by the node's join key
/// when it has one. Each tuple's key is kept so it leaves the bucket it entered.</summary>
internal sealed class LeftMemory(bool hashed)
{
    private readonly Bucket<Tuple>? _all = hashed ? null : new Bucket<Tuple>();
    private readonly Dictionary<object, Bucket<Tuple>>? _byKey = hashed ? new() : null;
    private readonly Dictionary<Tuple, object>? _keyOf = hashed ? new() : null;

    public void Add(Tuple tuple, object? key)
    {
        if (_all is not null)
        {
            _all.Add(tuple);
            return;
        }

        if (!_byKey!.TryGetValue(key!, out var bucket))
        {
            _byKey[key!] = bucket = new Bucket<Tuple>();
        }

        bucket.Add(tuple);
        _keyOf![tuple] = key!;
    }

    public void Remove(Tuple tuple)
    {
        if (_all is not null)
        {
            _all.Remove(tuple);
            return;
        }

        if (_keyOf!.Remove(tuple, out var key) && _byKey![key].Remove(tuple) && _byKey[key].Count == 0)
        {
            _byKey.Remove(key);
        }
    }

    /// <summary>The tuples a fact with this key can join; all tuples when the node is not hashed.</summary>
    public Bucket<Tuple>? Lookup(object? key) => _all ?? _byKey!.GetValueOrDefault(key!);
}
