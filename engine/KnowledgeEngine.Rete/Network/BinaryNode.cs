using KnowledgeEngine.Rete.Compilation;
using KnowledgeEngine.Rete.Runtime;
using Tuple = KnowledgeEngine.Rete.Runtime.Tuple;

namespace KnowledgeEngine.Rete.Network;

/// <summary>The shared part of join, not/exists and aggregate nodes: a left input of tuples, a
/// right alpha memory, a hash key on both sides when the element has equalities, and a predicate.</summary>
internal abstract class BinaryNode : BetaNode, ILeftSink, IRightSink
{
    protected BinaryNode(int elementIndex, BetaNode left, AlphaMemoryNode right, JoinPlan join)
        : base(elementIndex)
    {
        Left = left;
        Right = right;
        Join = join;
        RightIndex = join.IsHashed ? right.GetOrAddIndex(join.RightKeyText!, join.RightKey!) : -1;
    }

    public BetaNode Left { get; }

    public AlphaMemoryNode Right { get; }

    public JoinPlan Join { get; }

    /// <summary>Which of the right memory's shared indexes this node probes; -1 when not hashed.</summary>
    public int RightIndex { get; }

    public abstract void LeftActivate(WorkingMemory memory, Tuple tuple);

    public abstract void LeftRetract(WorkingMemory memory, Tuple tuple);

    public abstract void RightActivate(WorkingMemory memory, Fact fact, object?[]? keys);

    protected LeftMemory LeftMemoryOf(WorkingMemory memory) => StateOf(memory).Left;

    protected BinaryNodeState StateOf(WorkingMemory memory) => (BinaryNodeState)(memory.Slot(this) ??= CreateState());

    protected virtual BinaryNodeState CreateState() => new(new LeftMemory(Join.IsHashed));

    /// <summary>Files the tuple in this node's left memory and returns the facts it may join.</summary>
    protected Bucket<Fact>? RememberAndProbe(WorkingMemory memory, Tuple tuple, LeftMemory left)
    {
        var alpha = memory.AlphaState(Right);
        if (!Join.IsHashed)
        {
            left.Add(tuple, null);
            return alpha.All;
        }

        var key = Join.LeftKey!(tuple);
        left.Add(tuple, key);
        return alpha.Lookup(RightIndex, key);
    }

    /// <summary>The left tuples a newly arrived fact may join.</summary>
    protected Bucket<Tuple>? ProbeLeft(WorkingMemory memory, object?[]? keys) =>
        LeftMemoryOf(memory).Lookup(Join.IsHashed ? keys![RightIndex] : null);

    protected bool Matches(Tuple tuple, Fact fact) => Join.Predicate is null || Join.Predicate(tuple, fact.Object);

    /// <summary>Records a pair tuple for every fact the left tuple joins (not/exists/aggregate
    /// nodes count these instead of propagating them); returns how many.</summary>
    protected int PairAll(Tuple tuple, Bucket<Fact>? facts)
    {
        var count = 0;
        if (facts is null)
        {
            return count;
        }

        foreach (var fact in facts)
        {
            if (Matches(tuple, fact))
            {
                new Tuple(tuple, fact, this) { IsPair = true }.Link();
                count++;
            }
        }

        return count;
    }
}

/// <summary>Per-session state of a binary node; subclasses add what their node counts.</summary>
internal class BinaryNodeState(LeftMemory left)
{
    public LeftMemory Left { get; } = left;
}
