using KnowledgeEngine.Rete.Compilation;
using KnowledgeEngine.Rete.Runtime;
using Tuple = KnowledgeEngine.Rete.Runtime.Tuple;

namespace KnowledgeEngine.Rete.Network;

/// <summary>Extends each left tuple with every right fact it joins.</summary>
internal sealed class JoinNode(int elementIndex, BetaNode left, AlphaMemoryNode right, JoinPlan join)
    : BinaryNode(elementIndex, left, right, join)
{
    /// <summary>Set when this join shares its left index with its siblings; the group then
    /// receives the right facts in its place.</summary>
    public JoinGroup? Group { get; set; }

    private LeftMemory Memory(WorkingMemory memory) => Group is null ? LeftMemoryOf(memory) : Group.Shared(memory);

    public override void LeftActivate(WorkingMemory memory, Tuple tuple)
    {
        var facts = RememberAndProbe(memory, tuple, Memory(memory));
        if (facts is null)
        {
            return;
        }

        foreach (var fact in facts)
        {
            if (Matches(tuple, fact))
            {
                Emit(memory, new Tuple(tuple, fact, this));
            }
        }
    }

    public override void LeftRetract(WorkingMemory memory, Tuple tuple)
    {
        Memory(memory).Remove(tuple);
        WithdrawChildren(memory, tuple);
    }

    public override void RightActivate(WorkingMemory memory, Fact fact, object?[]? keys)
    {
        var tuples = ProbeLeft(memory, keys);
        if (tuples is null)
        {
            return;
        }

        foreach (var tuple in tuples)
        {
            if (Matches(tuple, fact))
            {
                Emit(memory, new Tuple(tuple, fact, this));
            }
        }
    }

    public void Extend(WorkingMemory memory, Tuple tuple, Fact fact)
    {
        if (Matches(tuple, fact))
        {
            Emit(memory, new Tuple(tuple, fact, this));
        }
    }

    public override void RetractByFact(WorkingMemory memory, Tuple tuple) => Withdraw(memory, tuple);
}
