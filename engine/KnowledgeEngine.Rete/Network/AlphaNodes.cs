using KnowledgeEngine.Rete.Runtime;

namespace KnowledgeEngine.Rete.Network;

/// <summary>A node of the alpha network: filters single facts on their way to alpha memories.</summary>
internal abstract class AlphaNode : ReteNode
{
    public List<SelectionNode> Children { get; } = [];

    public List<AlphaDispatchTable> Dispatches { get; } = [];

    public List<SubstringDispatchTable> SubstringDispatches { get; } = [];

    public AlphaMemoryNode? Memory { get; set; }

    /// <summary>Collects the memories a fact enters below this node.</summary>
    public void Collect(object fact, List<AlphaMemoryNode> memories)
    {
        if (Memory is not null)
        {
            memories.Add(Memory);
        }

        foreach (var child in Children)
        {
            if (child.Test(fact))
            {
                child.Collect(fact, memories);
            }
        }

        foreach (var table in Dispatches)
        {
            if (table.ByValue.TryGetValue(table.Accessor(fact), out var child))
            {
                child.Collect(fact, memories);
            }
        }

        foreach (var table in SubstringDispatches)
        {
            table.Collect(fact, memories);
        }
    }
}

/// <summary>Sibling tests <c>accessor == constant</c> on one accessor, as one hash lookup: 200
/// rules testing Group == i cost one read and one lookup per fact, not 200 calls.</summary>
internal sealed class AlphaDispatchTable(string accessorKey, Func<object, object> accessor)
{
    public string AccessorKey { get; } = accessorKey;

    public Func<object, object> Accessor { get; } = accessor;

    public Dictionary<object, SelectionNode> ByValue { get; } = [];
}

/// <summary>Entry of the alpha network for facts of one type (and its subtypes).</summary>
internal sealed class TypeNode(Type factType) : AlphaNode
{
    public Type FactType { get; } = factType;
}

/// <summary>One single-fact condition.</summary>
internal sealed class SelectionNode(string key, Func<object, bool> test) : AlphaNode
{
    public string Key { get; } = key;

    public Func<object, bool> Test { get; } = test;
}
