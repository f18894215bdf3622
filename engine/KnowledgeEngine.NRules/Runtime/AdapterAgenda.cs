namespace KnowledgeEngine.NRules.Runtime;

/// <summary>Our conflict resolution over the adapter's activations: higher salience first, then
/// the most recent activation. (NRules orders equal priorities by when a match entered its
/// agenda, oldest first.) Removal is lazy: a removed activation stays queued and is skipped.</summary>
internal sealed class AdapterAgenda
{
    private readonly PriorityQueue<Activation, (int Salience, long Sequence)> _queue = new(Order.Instance);
    private readonly HashSet<Activation> _waiting = new(ReferenceEqualityComparer.Instance);

    public int Count => _waiting.Count;

    public void Add(Activation activation)
    {
        _waiting.Add(activation);
        _queue.Enqueue(activation, (activation.Rule.Salience, activation.Sequence));
    }

    public void Remove(Activation activation) => _waiting.Remove(activation);

    public bool TryPop(out Activation activation)
    {
        while (_queue.TryDequeue(out activation!, out _))
        {
            if (_waiting.Remove(activation))
            {
                return true;
            }
        }

        return false;
    }

    private sealed class Order : IComparer<(int Salience, long Sequence)>
    {
        public static readonly Order Instance = new();

        public int Compare((int Salience, long Sequence) x, (int Salience, long Sequence) y)
        {
            var bySalience = y.Salience.CompareTo(x.Salience);
            return bySalience != 0 ? bySalience : y.Sequence.CompareTo(x.Sequence);
        }
    }
}
