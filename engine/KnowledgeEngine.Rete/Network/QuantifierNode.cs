using KnowledgeEngine.Rete.Compilation;
using KnowledgeEngine.Rete.Runtime;
using Tuple = KnowledgeEngine.Rete.Runtime.Tuple;

namespace KnowledgeEngine.Rete.Network;

/// <summary>A not (no right fact joins) or exists (at least one does) element. Each joining fact
/// is recorded as a pair tuple, so a retraction lowers exactly the counts it raised.</summary>
internal sealed class QuantifierNode(int elementIndex, BetaNode left, AlphaMemoryNode right, JoinPlan join, bool isNot)
    : BinaryNode(elementIndex, left, right, join)
{
    public bool IsNot { get; } = isNot;

    public override void LeftActivate(WorkingMemory memory, Tuple tuple)
    {
        var state = State(memory);
        var count = PairAll(tuple, RememberAndProbe(memory, tuple, state.Left));
        state.Counts[tuple] = count;
        if (Holds(count))
        {
            Emit(memory, new Tuple(tuple, null, this));
        }
    }

    public override void LeftRetract(WorkingMemory memory, Tuple tuple)
    {
        var state = State(memory);
        state.Left.Remove(tuple);
        state.Counts.Remove(tuple);
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
            if (!Matches(tuple, fact))
            {
                continue;
            }

            new Tuple(tuple, fact, this) { IsPair = true }.Link();
            var before = state.Counts[tuple];
            state.Counts[tuple] = before + 1;
            if (before == 0)
            {
                Flip(memory, tuple, Holds(1));
            }
        }
    }

    public override void RetractByFact(WorkingMemory memory, Tuple pair)
    {
        pair.Unlink();
        var state = State(memory);
        var tuple = pair.Left!;
        var after = state.Counts[tuple] - 1;
        state.Counts[tuple] = after;
        if (after == 0)
        {
            Flip(memory, tuple, Holds(0));
        }
    }

    private bool Holds(int count) => IsNot ? count == 0 : count > 0;

    /// <summary>Emits or withdraws the single output tuple of <paramref name="tuple"/>.</summary>
    private void Flip(WorkingMemory memory, Tuple tuple, bool holds)
    {
        if (holds)
        {
            Emit(memory, new Tuple(tuple, null, this));
            return;
        }

        for (var child = tuple.FirstChild; child is not null; child = child.NextSibling)
        {
            if (child.Node == this && !child.IsPair)
            {
                Withdraw(memory, child);
                return;
            }
        }
    }

    private QuantifierState State(WorkingMemory memory) => (QuantifierState)StateOf(memory);

    protected override BinaryNodeState CreateState() => new QuantifierState(new LeftMemory(Join.IsHashed));

    private sealed class QuantifierState(LeftMemory left) : BinaryNodeState(left)
    {
        public Dictionary<Tuple, int> Counts { get; } = [];
    }
}
