using KnowledgeEngine.Rules;
using KnowledgeEngine.Rules.Model;

namespace KnowledgeEngine.Diagnosis.Examples;

/// <summary>The outcome of one example: what was expected, what happened, and every difference
/// (expectation, captured values, rank, other rules firing on it).</summary>
public sealed class ExampleResult
{
    internal ExampleResult(LoadedRule rule, ExampleModel example, IReadOnlyList<string> fired, IReadOnlyList<string> problems)
    {
        Rule = rule;
        Example = example;
        Fired = fired;
        Problems = problems;
    }

    public LoadedRule Rule { get; }

    /// <summary>The rules that fired on the example's facts.</summary>
    public IReadOnlyList<string> Fired { get; }

    /// <summary>Every difference from what the example expects; empty when it passed.</summary>
    public IReadOnlyList<string> Problems { get; }

    public bool Passed => Problems.Count == 0 && NotRun is null;

    /// <summary>It ran and differed from what it expects (an example that could not run neither passed nor failed).</summary>
    public bool Failed => Problems.Count > 0 && NotRun is null;

    /// <summary>Why the example could not run here, when it could not: its bundle or case is not where
    /// the rules were read from (the rules built into kb, outside a checkout of the knowledge base).</summary>
    public string? NotRun { get; init; }

    /// <summary>Where the example is written in its rule file.</summary>
    public SourceSpan Span => Example.Span;

    public string Name => Example.Name?.Value ?? $"example at line {Example.Span.Line}";

    public string Id => Rule.Id;

    public ExampleExpectation Expectation => Example.Expect?.Value ?? ExampleExpectation.Fires;

    /// <summary>Rules other than the example's own that fired although the example does not list them.</summary>
    public IReadOnlyList<string> Overlaps { get; init; } = [];

    internal ExampleModel Example { get; }
}
