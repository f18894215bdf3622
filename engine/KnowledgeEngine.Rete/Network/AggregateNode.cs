using KnowledgeEngine.Rete.Compilation;
using KnowledgeEngine.Rete.Runtime;
using Tuple = KnowledgeEngine.Rete.Runtime.Tuple;

namespace KnowledgeEngine.Rete.Network;

/// <summary>Aggregates the right facts joining each left tuple. Joining facts are kept as pair
/// tuples; a change only marks the left tuple dirty, and the result is recomputed once when the
/// session settles, so inserting 10,000 log lines costs one recount per group, not 10,000.</summary>
internal sealed class AggregateNode(
    int elementIndex,
    BetaNode left,
    AlphaMemoryNode right,
    JoinPlan join,
    AggregateKind kind,
    TimeSpan? window,
    Func<object, DateTimeOffset?>? timestamp,
    Func<Tuple, object, bool>? resultFilter,
    string key)
    : BinaryNode(elementIndex, left, right, join)
{
    public string Key { get; } = key;

    public AggregateKind Kind { get; } = kind;

    public override void LeftActivate(WorkingMemory memory, Tuple tuple)
    {
        var state = State(memory);
        PairAll(tuple, RememberAndProbe(memory, tuple, state.Left));
        state.Outputs[tuple] = null;
        MarkDirty(memory, state, tuple);
    }

    public override void LeftRetract(WorkingMemory memory, Tuple tuple)
    {
        var state = State(memory);
        state.Left.Remove(tuple);
        state.Outputs.Remove(tuple);
        state.Dirty.Remove(tuple);
        WithdrawChildren(memory, tuple);
    }

    public override void RightActivate(WorkingMemory memory, Fact fact, object?[]? keys)
    {
        var state = State(memory);
        var tuples = ProbeLeft(memory, keys);
        if (tuples is null)
        {
            return;
        }

        foreach (var tuple in tuples)
        {
            if (Matches(tuple, fact))
            {
                new Tuple(tuple, fact, this) { IsPair = true }.Link();
                MarkDirty(memory, state, tuple);
            }
        }
    }

    public override void RetractByFact(WorkingMemory memory, Tuple pair)
    {
        pair.Unlink();
        MarkDirty(memory, State(memory), pair.Left!);
    }

    /// <summary>Recomputes the results of the dirty left tuples and re-emits them.</summary>
    public void Settle(WorkingMemory memory)
    {
        var state = State(memory);
        while (state.Dirty.Count > 0)
        {
            var batch = state.Dirty.ToArray();
            state.Dirty.Clear();
            foreach (var tuple in batch)
            {
                Recompute(memory, state, tuple);
            }
        }
    }

    private void Recompute(WorkingMemory memory, AggregateState state, Tuple tuple)
    {
        if (!state.Outputs.TryGetValue(tuple, out var previous))
        {
            return;
        }

        if (previous is not null)
        {
            Withdraw(memory, previous);
            state.Outputs[tuple] = null;
        }

        var result = Compute(tuple);
        var resultFact = new Fact(-1, result);
        if (resultFilter is null || resultFilter(tuple, result))
        {
            var output = new Tuple(tuple, resultFact, this);
            state.Outputs[tuple] = output;
            Emit(memory, output);
        }
    }

    private AggregateResult Compute(Tuple tuple)
    {
        var facts = new List<Fact>();
        for (var child = tuple.FirstChild; child is not null; child = child.NextSibling)
        {
            if (child.Node == this && child.IsPair)
            {
                facts.Add(child.RightFact!);
            }
        }

        facts.Sort((x, y) => x.Id.CompareTo(y.Id));
        if (window is null || timestamp is null)
        {
            return new AggregateResult(facts.Select(f => f.Object).ToArray(), null, null);
        }

        return DensestWindow(facts, window.Value, timestamp);
    }

    /// <summary>The largest run of facts whose timestamps fit in one window (two pointers over the
    /// facts sorted by time); facts without a timestamp cannot be placed and are left out.</summary>
    internal static AggregateResult DensestWindow(IEnumerable<Fact> facts, TimeSpan length, Func<object, DateTimeOffset?> timestamp)
    {
        var timed = facts
            .Select(f => (Fact: f, Time: timestamp(f.Object)))
            .Where(x => x.Time is not null)
            .OrderBy(x => x.Time!.Value)
            .ThenBy(x => x.Fact.Id)
            .ToArray();
        int bestStart = 0, bestCount = 0, start = 0;
        for (var end = 0; end < timed.Length; end++)
        {
            while (timed[end].Time!.Value - timed[start].Time!.Value > length)
            {
                start++;
            }

            if (end - start + 1 > bestCount)
            {
                bestCount = end - start + 1;
                bestStart = start;
            }
        }

        var items = timed.Skip(bestStart).Take(bestCount).ToArray();
        return new AggregateResult(
            items.Select(x => x.Fact.Object).ToArray(),
            items.Length > 0 ? items[0].Time : null,
            items.Length > 0 ? items[^1].Time : null);
    }

    private void MarkDirty(WorkingMemory memory, AggregateState state, Tuple tuple)
    {
        if (state.Dirty.Add(tuple))
        {
            memory.MarkAggregateDirty(this);
        }
    }

    private AggregateState State(WorkingMemory memory) => (AggregateState)StateOf(memory);

    protected override BinaryNodeState CreateState() => new AggregateState(new LeftMemory(Join.IsHashed));

    private sealed class AggregateState(LeftMemory left) : BinaryNodeState(left)
    {
        /// <summary>Each known left tuple and its current output (null while it has none).</summary>
        public Dictionary<Tuple, Tuple?> Outputs { get; } = [];

        public HashSet<Tuple> Dirty { get; } = [];
    }
}
