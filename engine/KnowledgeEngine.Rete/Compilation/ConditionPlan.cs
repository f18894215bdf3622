using KnowledgeEngine.Rete.Runtime;
using Tuple = KnowledgeEngine.Rete.Runtime.Tuple;

namespace KnowledgeEngine.Rete.Compilation;

/// <summary>A single-fact test; <see cref="Key"/> identifies equal tests for sharing. A test of
/// the form <c>accessor == constant</c> also carries its <see cref="Dispatch"/>, so that sibling
/// tests on one accessor become one hash lookup instead of one call per rule.</summary>
internal sealed record AlphaTest(string Key, Lazy<Func<object, bool>> Test, AlphaDispatch? Dispatch);

/// <summary>The accessor and constant of an equality-to-constant test, or, with <see cref="IsSubstring"/>, of an
/// ordinal <c>accessor.Contains(constant)</c> test (the constant is then a non-empty string).</summary>
internal sealed record AlphaDispatch(string AccessorKey, Func<object, object> Accessor, object Value, bool IsSubstring = false);

/// <summary>How a pattern joins the tuple before it: hash keys from its equalities, and a
/// predicate for the other conditions. <see cref="Key"/> identifies equal joins for sharing.</summary>
internal sealed record JoinPlan(
    string Key,
    Func<Tuple, object>? LeftKey,
    Func<object, object>? RightKey,
    string? RightKeyText,
    Func<Tuple, object, bool>? Predicate)
{
    public static readonly JoinPlan None = new("", null, null, null, null);

    public string? LeftKeyText { get; init; }

    public bool IsHashed => LeftKey is not null;
}

/// <summary>What the planner made of one pattern.</summary>
internal sealed record PatternPlan(Type FactType, IReadOnlyList<AlphaTest> Alpha, JoinPlan Join);
