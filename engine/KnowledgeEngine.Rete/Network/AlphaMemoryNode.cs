using KnowledgeEngine.Rete.Runtime;

namespace KnowledgeEngine.Rete.Network;

/// <summary>The facts that passed one chain of alpha tests. Hash indexes over it are shared by all
/// joins that key it the same way, so 200 rules joining on B.Key keep one index, not 200.</summary>
internal sealed class AlphaMemoryNode : ReteNode
{
    private readonly List<IRightSink> _sinks = [];
    private readonly List<(string Text, Func<object, object> Key)> _indexes = [];

    public IReadOnlyList<IRightSink> Sinks => _sinks;

    public IReadOnlyList<(string Text, Func<object, object> Key)> Indexes => _indexes;

    /// <summary>Whether some sink walks every fact (an unhashed join); if none does, the memory
    /// keeps only its indexes.</summary>
    public bool KeepsAll { get; private set; }

    public void AddSink(IRightSink sink, bool walksAll)
    {
        KeepsAll |= walksAll;
        // Sinks stay ordered by element index, highest first, equal ones in the order added. Inserting in place
        // rather than re-sorting on every add: with a thousand rules reading one memory the sorts made network
        // building quadratic.
        var low = 0;
        var high = _sinks.Count;
        while (low < high)
        {
            var middle = (low + high) / 2;
            if (_sinks[middle].ElementIndex >= sink.ElementIndex)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        _sinks.Insert(low, sink);
    }

    /// <summary>Replaces sibling joins that can share a left index by their group.</summary>
    public IEnumerable<JoinGroup> GroupJoins()
    {
        var groups = new List<JoinGroup>();
        foreach (var members in JoinGroup.Candidates(_sinks).ToArray())
        {
            var group = new JoinGroup(members);
            foreach (var member in members)
            {
                member.Group = group;
                _sinks.Remove(member);
            }

            _sinks.Add(group);
            groups.Add(group);
        }

        _sinks.Sort((x, y) => y.ElementIndex.CompareTo(x.ElementIndex));
        return groups;
    }

    public int GetOrAddIndex(string text, Func<object, object> key)
    {
        var existing = _indexes.FindIndex(i => i.Text == text);
        if (existing >= 0)
        {
            return existing;
        }

        _indexes.Add((text, key));
        return _indexes.Count - 1;
    }

    public void Activate(WorkingMemory memory, Fact fact)
    {
        var keys = _indexes.Count == 0 ? null : new object?[_indexes.Count];
        for (var i = 0; i < _indexes.Count; i++)
        {
            keys![i] = _indexes[i].Key(fact.Object);
        }

        memory.AlphaState(this).Add(fact, keys);
        fact.AddMembership(new AlphaMembership(this, keys));
        foreach (var sink in _sinks)
        {
            sink.RightActivate(memory, fact, keys);
        }
    }
}

/// <summary>Per-session content of an alpha memory.</summary>
internal sealed class AlphaMemoryState(int indexCount, bool keepsAll)
{
    private readonly Dictionary<object, Bucket<Fact>>[] _indexes =
        Enumerable.Range(0, indexCount).Select(_ => new Dictionary<object, Bucket<Fact>>()).ToArray();

    public Bucket<Fact> All { get; } = new();

    public void Add(Fact fact, object?[]? keys)
    {
        if (keepsAll)
        {
            All.Add(fact);
        }

        for (var i = 0; i < _indexes.Length; i++)
        {
            if (!_indexes[i].TryGetValue(keys![i]!, out var bucket))
            {
                _indexes[i][keys[i]!] = bucket = new Bucket<Fact>();
            }

            bucket.Add(fact);
        }
    }

    public void Remove(Fact fact, object?[]? keys)
    {
        if (keepsAll)
        {
            All.Remove(fact);
        }

        for (var i = 0; i < _indexes.Length; i++)
        {
            if (_indexes[i].TryGetValue(keys![i]!, out var bucket) && bucket.Remove(fact) && bucket.Count == 0)
            {
                _indexes[i].Remove(keys[i]!);
            }
        }
    }

    public Bucket<Fact>? Lookup(int index, object key) => _indexes[index].GetValueOrDefault(key);
}
