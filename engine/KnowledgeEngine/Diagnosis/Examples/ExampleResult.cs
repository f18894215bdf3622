using KnowledgeEngine.Rules;
using KnowledgeEngine.Rules.Model;

namespace KnowledgeEngine.Diagnosis.Examples;

/// <summary>The outcome of one example: what was expected, what happened, and every
/// difference (expectation, captured values, other rules firing on it).</summary>
public sealed record ExampleResult(LoadedRule Rule, ExampleModel Example, IReadOnlyList<string> Fired, IReadOnlyList<string> Problems)
{
    public bool Passed => Problems.Count == 0 && NotRun is null;

    /// <summary>Why the example could not run here, when it could not: its bundle or case is not where
    /// the rules were read from (the rules built into kb, outside a checkout of the knowledge base).</summary>
    public string? NotRun { get; init; }

    public string Name => Example.Name?.Value ?? $"example at line {Example.Span.Line}";

    public string Id => Rule.Id;

    public ExampleExpectation Expectation => Example.Expect?.Value ?? ExampleExpectation.Fires;

    /// <summary>Rules other than the example's own that fired although the example does not list them.</summary>
    public IReadOnlyList<string> Overlaps { get; init; } = [];
}
