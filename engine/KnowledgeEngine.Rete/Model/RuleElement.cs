using System.Linq.Expressions;

namespace KnowledgeEngine.Rete;

/// <summary>One element of a rule's left-hand side. Elements match in order; each may read the
/// declarations of the elements before it.</summary>
public abstract record RuleElement;

/// <summary>Matches one fact of <see cref="Declaration"/>'s type for which every condition holds.
/// A condition is a lambda whose parameters are named after declarations: the pattern's own and
/// any earlier one (a reference to an earlier declaration makes it a join).</summary>
public sealed record PatternElement(Declaration Declaration, IReadOnlyList<LambdaExpression> Conditions) : RuleElement;

/// <summary>Holds when no fact matches <see cref="Pattern"/>.</summary>
public sealed record NotElement(PatternElement Pattern) : RuleElement;

/// <summary>Holds when at least one fact matches <see cref="Pattern"/>; binds nothing.</summary>
public sealed record ExistsElement(PatternElement Pattern) : RuleElement;

public enum AggregateKind
{
    Count,
    Collect,
}

/// <summary>Restricts an aggregate to the densest span of <see cref="Length"/>: the result is the
/// largest set of matching facts whose timestamps lie within one window of that length.</summary>
public sealed record TimeWindow(TimeSpan Length, LambdaExpression Timestamp);

/// <summary>Aggregates the facts matching <see cref="Source"/> (per combination of earlier facts)
/// into an <see cref="AggregateResult"/> bound to <see cref="Result"/>. The element holds only when
/// every result condition holds; result conditions may read the result and earlier declarations.</summary>
public sealed record AggregateElement(
    Declaration Result,
    PatternElement Source,
    AggregateKind Kind,
    TimeWindow? Window,
    IReadOnlyList<LambdaExpression> ResultConditions) : RuleElement;
