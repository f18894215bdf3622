using KnowledgeEngine.Rete.Runtime;
using Tuple = KnowledgeEngine.Rete.Runtime.Tuple;

namespace KnowledgeEngine.Rete.Network;

/// <summary>A node whose output is tuples; its sinks are the nodes that extend them.</summary>
internal abstract class BetaNode(int elementIndex) : ReteNode
{
    private readonly List<ILeftSink> _sinks = [];

    /// <summary>Position of the rule element this node matches; -1 for the root.</summary>
    public int ElementIndex { get; } = elementIndex;

    public IReadOnlyList<ILeftSink> Sinks => _sinks;

    public void AddSink(ILeftSink sink) => _sinks.Add(sink);

    protected void Emit(WorkingMemory memory, Tuple tuple)
    {
        tuple.Link();
        foreach (var sink in _sinks)
        {
            sink.LeftActivate(memory, tuple);
        }
    }

    protected void Withdraw(WorkingMemory memory, Tuple tuple)
    {
        tuple.Unlink();
        foreach (var sink in _sinks)
        {
            sink.LeftRetract(memory, tuple);
        }
    }

    /// <summary>Withdraws the children of <paramref name="parent"/> that this node produced.</summary>
    protected void WithdrawChildren(WorkingMemory memory, Tuple parent)
    {
        var child = parent.FirstChild;
        while (child is not null)
        {
            var next = child.NextSibling;
            if (child.Node == this)
            {
                if (child.IsPair)
                {
                    child.Unlink();
                }
                else
                {
                    Withdraw(memory, child);
                }
            }

            child = next;
        }
    }
}

/// <summary>The root of the beta network: one empty tuple that first elements extend.</summary>
internal sealed class DummyNode() : BetaNode(-1)
{
    public void Seed(WorkingMemory memory, Tuple root)
    {
        foreach (var sink in Sinks)
        {
            sink.LeftActivate(memory, root);
        }
    }
}
