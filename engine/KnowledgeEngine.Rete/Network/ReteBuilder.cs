using System.Runtime.CompilerServices;
using KnowledgeEngine.Rete.Compilation;

namespace KnowledgeEngine.Rete.Network;

/// <summary>Builds the network rule by rule, reusing an equal node wherever one exists: the same
/// type node, the same chain of alpha tests, the same join on the same inputs.</summary>
internal sealed class ReteBuilder
{
    private readonly List<ReteNode> _nodes = [];
    private readonly Dictionary<Type, TypeNode> _typeNodes = [];
    private readonly Dictionary<string, BetaNode> _betaNodes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TerminalNode> _terminals = new(StringComparer.Ordinal);
    private readonly Dictionary<BuiltElement, BetaNode> _built = [];
    private readonly DelegateCache _delegates = new();
    private readonly DummyNode _dummy;

    public ReteBuilder() => _dummy = Register(new DummyNode());

    public void AddRule(RuleDefinition rule)
    {
        if (_terminals.ContainsKey(rule.Name))
        {
            throw new RuleDefinitionException(rule.Name, "Another rule has the same name; rule names must be unique.");
        }

        var context = new ReteBuilderContext(rule, _delegates);
        BetaNode current = _dummy;
        for (var i = 0; i < rule.Elements.Count; i++)
        {
            var element = rule.Elements[i];
            // Callers often build several rules from one list of elements (a cause and its evidence
            // probes); the same element object after the same node, with the same names declared,
            // plans to the same node, so it is planned once.
            var built = new BuiltElement(current, element, context.Signature);
            if (_built.TryGetValue(built, out var existing))
            {
                context.Declare(DeclarationOf(element));
                current = existing;
                continue;
            }

            current = element switch
            {
                PatternElement pattern => BuildJoin(context, i, current, pattern),
                NotElement not => BuildQuantifier(context, i, current, not.Pattern, isNot: true),
                ExistsElement exists => BuildQuantifier(context, i, current, exists.Pattern, isNot: false),
                AggregateElement aggregate => BuildAggregate(context, i, current, aggregate),
                var other => throw new RuleDefinitionException(rule.Name, $"Unsupported element. ElementType={other.GetType().Name}"),
            };
            _built[built] = current;
        }

        var terminal = Register(new TerminalNode(rule, context.Declarations));
        current.AddSink(terminal);
        _terminals[rule.Name] = terminal;
    }

    public ReteNetwork Build()
    {
        foreach (var table in _nodes.OfType<AlphaNode>().SelectMany(n => n.SubstringDispatches))
        {
            table.Freeze();
        }

        foreach (var memory in _nodes.OfType<AlphaMemoryNode>().ToArray())
        {
            foreach (var group in memory.GroupJoins())
            {
                Register(group);
            }
        }

        return new ReteNetwork(_nodes.ToArray(), _typeNodes.Values.ToArray(), _dummy, _terminals);
    }

    private BetaNode BuildJoin(ReteBuilderContext context, int index, BetaNode left, PatternElement pattern)
    {
        var plan = context.Planner().PlanPattern(pattern);
        var memory = BuildAlpha(plan);
        context.Declare(pattern.Declaration);
        return Share($"join|{left.Id}|{memory.Id}|{plan.Join.Key}", left, memory,
            () => new JoinNode(index, left, memory, plan.Join));
    }

    private BetaNode BuildQuantifier(ReteBuilderContext context, int index, BetaNode left, PatternElement pattern, bool isNot)
    {
        var plan = context.Planner().PlanPattern(pattern);
        var memory = BuildAlpha(plan);
        context.Declare(null);
        return Share($"{(isNot ? "not" : "exists")}|{left.Id}|{memory.Id}|{plan.Join.Key}", left, memory,
            () => new QuantifierNode(index, left, memory, plan.Join, isNot));
    }

    private BetaNode BuildAggregate(ReteBuilderContext context, int index, BetaNode left, AggregateElement aggregate)
    {
        var planner = context.Planner();
        var plan = planner.PlanPattern(aggregate.Source);
        var memory = BuildAlpha(plan);
        var timestamp = aggregate.Window is null ? null : planner.PlanTimestamp(aggregate.Source.Declaration, aggregate.Window.Timestamp);
        var resultPlanner = context.Planner();
        var (filter, filterKey) = resultPlanner.PlanPredicate(aggregate.Result, aggregate.ResultConditions);
        var windowKey = aggregate.Window is null ? "" : $"{aggregate.Window.Length.Ticks}@{planner.KeyOf(aggregate.Window.Timestamp)}";
        var key = $"aggregate|{left.Id}|{memory.Id}|{plan.Join.Key}|{aggregate.Kind}|{windowKey}|{filterKey}";
        context.Declare(aggregate.Result);
        return Share(key, left, memory, () => new AggregateNode(
            index, left, memory, plan.Join, aggregate.Kind, aggregate.Window?.Length, timestamp, filter, key));
    }

    private BetaNode Share(string key, BetaNode left, AlphaMemoryNode memory, Func<BinaryNode> create)
    {
        if (_betaNodes.TryGetValue(key, out var existing))
        {
            return existing;
        }

        var node = Register(create());
        left.AddSink(node);
        memory.AddSink(node, walksAll: !node.Join.IsHashed);
        _betaNodes[key] = node;
        return node;
    }

    private AlphaMemoryNode BuildAlpha(PatternPlan plan)
    {
        if (!_typeNodes.TryGetValue(plan.FactType, out var typeNode))
        {
            _typeNodes[plan.FactType] = typeNode = Register(new TypeNode(plan.FactType));
        }

        AlphaNode current = typeNode;
        foreach (var test in plan.Alpha)
        {
            current = test.Dispatch is { } dispatch ? DispatchedChild(current, test, dispatch) : TestedChild(current, test);
        }

        return current.Memory ??= Register(new AlphaMemoryNode());
    }

    private SelectionNode TestedChild(AlphaNode parent, AlphaTest test)
    {
        var child = parent.Children.FirstOrDefault(c => c.Key == test.Key);
        if (child is null)
        {
            child = Register(new SelectionNode(test.Key, test.Test.Value));
            parent.Children.Add(child);
        }

        return child;
    }

    private SelectionNode DispatchedChild(AlphaNode parent, AlphaTest test, AlphaDispatch dispatch)
    {
        if (dispatch.IsSubstring)
        {
            var substrings = parent.SubstringDispatches.FirstOrDefault(d => d.AccessorKey == dispatch.AccessorKey);
            if (substrings is null)
            {
                substrings = new SubstringDispatchTable(dispatch.AccessorKey, dispatch.Accessor);
                parent.SubstringDispatches.Add(substrings);
            }

            // The search is the test, as the hash lookup is below.
            return substrings.ChildFor((string)dispatch.Value, () => Register(new SelectionNode(test.Key, static _ => true)));
        }

        var table = parent.Dispatches.FirstOrDefault(d => d.AccessorKey == dispatch.AccessorKey);
        if (table is null)
        {
            table = new AlphaDispatchTable(dispatch.AccessorKey, dispatch.Accessor);
            parent.Dispatches.Add(table);
        }

        if (!table.ByValue.TryGetValue(dispatch.Value, out var child))
        {
            // The hash lookup is the test; the node keeps its key so equal conditions still meet here.
            child = Register(new SelectionNode(test.Key, static _ => true));
            table.ByValue[dispatch.Value] = child;
        }

        return child;
    }

    private static Declaration? DeclarationOf(RuleElement element) => element switch
    {
        PatternElement pattern => pattern.Declaration,
        AggregateElement aggregate => aggregate.Result,
        _ => null,
    };

    private T Register<T>(T node) where T : ReteNode
    {
        node.Id = _nodes.Count;
        _nodes.Add(node);
        return node;
    }
}

/// <summary>An element object placed after a node with a given set of declarations; elements are
/// compared by reference because records compare their condition lists by reference anyway and
/// structural equality of expression trees is what planning computes.</summary>
internal readonly record struct BuiltElement(BetaNode Left, RuleElement Element, string Signature)
{
    public bool Equals(BuiltElement other) =>
        ReferenceEquals(Left, other.Left) && ReferenceEquals(Element, other.Element) && string.Equals(Signature, other.Signature, StringComparison.Ordinal);

    public override int GetHashCode() =>
        HashCode.Combine(RuntimeHelpers.GetHashCode(Left), RuntimeHelpers.GetHashCode(Element), Signature);
}
