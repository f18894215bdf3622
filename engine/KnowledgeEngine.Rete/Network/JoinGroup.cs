using KnowledgeEngine.Rete.Runtime;
using Tuple = KnowledgeEngine.Rete.Runtime.Tuple;

namespace KnowledgeEngine.Rete.Network;

/// <summary>Sibling joins on one alpha memory that key both sides the same way (200 rules each
/// joining B on Key, below different A patterns). They file their left tuples in one shared
/// index, so a new B fact costs one lookup that finds exactly the tuples it joins, instead of
/// one probe per rule.</summary>
internal sealed class JoinGroup : ReteNode, IRightSink
{
    private readonly Dictionary<BetaNode, JoinNode> _byLeft;

    public JoinGroup(IReadOnlyList<JoinNode> members)
    {
        _byLeft = members.ToDictionary(m => m.Left, m => m);
        ElementIndex = members[0].ElementIndex;
        RightIndex = members[0].RightIndex;
    }

    public int ElementIndex { get; }

    public int RightIndex { get; }

    public LeftMemory Shared(WorkingMemory memory) => (LeftMemory)(memory.Slot(this) ??= new LeftMemory(hashed: true));

    public void RightActivate(WorkingMemory memory, Fact fact, object?[]? keys)
    {
        var tuples = Shared(memory).Lookup(keys![RightIndex]);
        if (tuples is null)
        {
            return;
        }

        foreach (var tuple in tuples)
        {
            // A tuple's producer is the member's left input, which tells the member apart.
            if (_byLeft.TryGetValue((BetaNode)tuple.Node!, out var member))
            {
                member.Extend(memory, tuple, fact);
            }
        }
    }

    /// <summary>Groups the hashed joins among a memory's sinks; only joins with distinct left
    /// inputs can share, since the left input is what routes a tuple back to its join.</summary>
    public static IEnumerable<IReadOnlyList<JoinNode>> Candidates(IEnumerable<IRightSink> sinks) =>
        sinks.OfType<JoinNode>()
            .Where(j => j.Join.IsHashed)
            .GroupBy(j => (j.ElementIndex, j.RightIndex, j.Join.LeftKeyText))
            .Select(g => g.DistinctBy(j => j.Left).ToArray())
            .Where(g => g.Length > 1);
}
