using KnowledgeEngine.Rete.Text;

namespace KnowledgeEngine.Rete.Network;

/// <summary>
/// Sibling tests <c>accessor.Contains(literal, Ordinal)</c> on one accessor, as one multi-literal search: 500 rules
/// each looking for their own phrase in a log line cost one pass over the line, not 500 substring searches.
/// Literals are added while the network is built; <see cref="Freeze"/> builds the searcher before any session runs.
/// </summary>
internal sealed class SubstringDispatchTable(string accessorKey, Func<object, object> accessor)
{
    private readonly List<string> _literals = [];
    private readonly List<SelectionNode> _children = [];
    private readonly Dictionary<string, int> _indexOf = new(StringComparer.Ordinal);
    private LiteralSearcher? _searcher;

    [ThreadStatic]
    private static List<int>? t_found;

    public string AccessorKey { get; } = accessorKey;

    /// <summary>The child for <paramref name="literal"/>, created by <paramref name="create"/> when new.</summary>
    public SelectionNode ChildFor(string literal, Func<SelectionNode> create)
    {
        if (_searcher is not null)
        {
            throw new InvalidOperationException("The network is built; no literal can be added.");
        }

        if (_indexOf.TryGetValue(literal, out var index))
        {
            return _children[index];
        }

        _indexOf[literal] = _literals.Count;
        _literals.Add(literal);
        var child = create();
        _children.Add(child);
        return child;
    }

    public void Freeze() => _searcher = new LiteralSearcher(_literals);

    public void Collect(object fact, List<AlphaMemoryNode> memories)
    {
        if (accessor(fact) is not string text)
        {
            return;
        }

        var searcher = _searcher ?? throw new InvalidOperationException("The network was not frozen after it was built.");
        var found = t_found ??= [];
        found.Clear();
        searcher.FindAll(text, found);
        switch (found.Count)
        {
            case 0:
                return;
            case 1:
                _children[found[0]].Collect(fact, memories);
                return;
        }
        // A child's own tables reuse the per-thread list, so iterate a copy; children are visited in the
        // order they were added, as separate tests would have been.
        var indices = found.ToArray();
        Array.Sort(indices);
        foreach (var index in indices)
        {
            _children[index].Collect(fact, memories);
        }
    }
}
