using KnowledgeEngine.Rete.Runtime;

namespace KnowledgeEngine.Rete.Network;

/// <summary>A node of the alpha network: filters single facts on their way to alpha memories.</summary>
internal abstract class AlphaNode : ReteNode
{
    public List<SelectionNode> Children { get; } = [];

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
    }
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
