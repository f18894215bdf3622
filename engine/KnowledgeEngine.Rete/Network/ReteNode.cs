using KnowledgeEngine.Rete.Runtime;
using Tuple = KnowledgeEngine.Rete.Runtime.Tuple;

namespace KnowledgeEngine.Rete.Network;

/// <summary>A node of the compiled network. Nodes are immutable once built and shared by all
/// sessions; a session keeps each node's state in a slot indexed by <see cref="Id"/>.</summary>
internal abstract class ReteNode
{
    public int Id { get; set; }

    /// <summary>Retracts a tuple this node produced whose right fact is leaving working memory.</summary>
    public virtual void RetractByFact(WorkingMemory memory, Tuple tuple) =>
        throw new InvalidOperationException($"{GetType().Name} produces no fact tuples.");
}

/// <summary>Receives tuples from the node to its left.</summary>
internal interface ILeftSink
{
    void LeftActivate(WorkingMemory memory, Tuple tuple);

    void LeftRetract(WorkingMemory memory, Tuple tuple);
}

/// <summary>Receives facts from an alpha memory.</summary>
internal interface IRightSink
{
    /// <summary>The rule element position; alpha memories notify deeper sinks first so a fact
    /// that matches two elements of one rule pairs with itself exactly once.</summary>
    int ElementIndex { get; }

    void RightActivate(WorkingMemory memory, Fact fact, object?[]? keys);
}
