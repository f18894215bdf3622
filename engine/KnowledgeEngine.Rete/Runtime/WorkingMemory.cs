using KnowledgeEngine.Rete.Network;

namespace KnowledgeEngine.Rete.Runtime;

/// <summary>A session's state: one slot per network node (the network itself is shared and never
/// changes), the agenda, and the work deferred until the session settles.</summary>
internal sealed class WorkingMemory(int nodeCount, SessionEvents events)
{
    private readonly object?[] _states = new object?[nodeCount];
    private readonly List<AggregateNode> _dirtyAggregates = [];
    private readonly Queue<Fact> _unsupported = new();
    private long _sequence;

    public Agenda Agenda { get; } = new();

    public SessionEvents Events { get; } = events;

    public long NextSequence() => ++_sequence;

    /// <summary>The raw state slot of a node, for hot paths that must not allocate a factory.</summary>
    public ref object? Slot(ReteNode node) => ref _states[node.Id];

    public AlphaMemoryState AlphaState(AlphaMemoryNode node) =>
        (AlphaMemoryState)(_states[node.Id] ??= new AlphaMemoryState(node.Indexes.Count, node.KeepsAll));

    public void MarkAggregateDirty(AggregateNode node)
    {
        if (!_dirtyAggregates.Contains(node))
        {
            _dirtyAggregates.Add(node);
        }
    }

    /// <summary>Removes a match: off the agenda, and its logical facts lose one supporter.</summary>
    public void DeleteActivation(Activation activation) => activation.Delete(Agenda, Events, _unsupported);

    /// <summary>Hands out the next piece of deferred work: recomputing dirty aggregates first
    /// (they may withdraw matches), then retracting facts that lost their last supporter.</summary>
    public bool TryTakeDeferred(out AggregateNode? aggregate, out Fact? unsupported)
    {
        aggregate = null;
        unsupported = null;
        if (_dirtyAggregates.Count > 0)
        {
            aggregate = _dirtyAggregates[^1];
            _dirtyAggregates.RemoveAt(_dirtyAggregates.Count - 1);
            return true;
        }

        if (_unsupported.Count > 0)
        {
            unsupported = _unsupported.Dequeue();
            return true;
        }

        return false;
    }
}
