namespace KnowledgeEngine.Rete;

/// <summary>A session was used wrongly: a fact inserted twice, an unknown fact updated or retracted.</summary>
public sealed class FactNotFoundException : InvalidOperationException
{
    internal FactNotFoundException(string operation, object fact)
        : base($"Cannot {operation} a fact that is not in working memory. Fact={fact} — insert it first, or use TryRetract.") =>
        Fact = fact;

    public object Fact { get; }
}

public sealed class DuplicateFactException : InvalidOperationException
{
    internal DuplicateFactException(object fact)
        : base($"The fact is already in working memory. Fact={fact} — use Update to change it, or TryInsert.") =>
        Fact = fact;

    public object Fact { get; }
}

/// <summary>A rule action threw; the rule and the match are named.</summary>
public sealed class RuleActionException : Exception
{
    internal RuleActionException(Activation activation, Exception inner)
        : base($"Rule '{activation.Rule.Name}' failed in its action: {inner.Message}", inner) =>
        Activation = activation;

    public Activation Activation { get; }
}

/// <summary>Rules kept firing past the session's fire limit: almost always rules that undo and
/// redo each other's facts. The rules that fired most are named.</summary>
public sealed class RuleCycleException : InvalidOperationException
{
    internal RuleCycleException(int limit, IReadOnlyList<(string Rule, int Count)> top)
        : base($"Rules fired more than {limit} times in one Fire call; they probably re-trigger each other. " +
               $"Most fired: {string.Join(", ", top.Select(t => $"{t.Rule} ({t.Count})"))} — " +
               "make the actions idempotent (check for the derived fact first) or raise SessionOptions.FireLimit.") =>
        MostFired = top;

    public IReadOnlyList<(string Rule, int Count)> MostFired { get; }
}
