namespace KnowledgeEngine.Rete.Runtime;

/// <summary>The activations waiting to fire. Conflict resolution lives in one place: higher
/// salience first, then the most recent activation. Removal is lazy: a deleted activation stays
/// queued, marked, and is skipped when it surfaces.</summary>
internal sealed class Agenda
{
    private readonly PriorityQueue<Activation, Activation> _queue = new(ConflictResolution.Instance);
    private int _live;

    public int Count => _live;

    public void Add(Activation activation)
    {
        activation.IsEnqueued = true;
        _queue.Enqueue(activation, activation);
        _live++;
    }

    public void Remove(Activation activation)
    {
        if (activation.IsEnqueued)
        {
            activation.IsEnqueued = false;
            _live--;
        }
    }

    public bool TryPop(out Activation activation)
    {
        while (_queue.TryDequeue(out activation!, out _))
        {
            if (activation.IsEnqueued)
            {
                activation.IsEnqueued = false;
                _live--;
                return true;
            }
        }

        return false;
    }

    private sealed class ConflictResolution : IComparer<Activation>
    {
        public static readonly ConflictResolution Instance = new();

        public int Compare(Activation? x, Activation? y)
        {
            var bySalience = y!.Rule.Salience.CompareTo(x!.Rule.Salience);
            return bySalience != 0 ? bySalience : y.Sequence.CompareTo(x.Sequence);
        }
    }
}
