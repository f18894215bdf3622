using System.Collections.Concurrent;

namespace KnowledgeEngine.Rete.Network;

/// <summary>The compiled, immutable network shared by all sessions of a factory.</summary>
internal sealed class ReteNetwork
{
    private readonly IReadOnlyList<TypeNode> _typeNodes;
    private readonly ConcurrentDictionary<Type, TypeNode[]> _dispatch = new();

    public ReteNetwork(
        IReadOnlyList<ReteNode> nodes,
        IReadOnlyList<TypeNode> typeNodes,
        DummyNode dummy,
        IReadOnlyDictionary<string, TerminalNode> terminals)
    {
        Nodes = nodes;
        _typeNodes = typeNodes;
        Dummy = dummy;
        Terminals = terminals;
    }

    public IReadOnlyList<ReteNode> Nodes { get; }

    public DummyNode Dummy { get; }

    public IReadOnlyDictionary<string, TerminalNode> Terminals { get; }

    /// <summary>The type nodes a fact of this runtime type enters (its type and every base type or
    /// interface some rule matches), computed once per type.</summary>
    public TypeNode[] TypeNodesFor(Type type) =>
        _dispatch.TryGetValue(type, out var nodes)
            ? nodes
            : _dispatch.GetOrAdd(type, static (t, all) => all.Where(n => n.FactType.IsAssignableFrom(t)).ToArray(), _typeNodes);

    /// <summary>Node counts by kind, for tests and the network summary.</summary>
    public IReadOnlyDictionary<string, int> CountByKind() =>
        Nodes.GroupBy(n => n switch
            {
                QuantifierNode q => q.IsNot ? "NotNode" : "ExistsNode",
                _ => n.GetType().Name,
            })
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Count());
}
