namespace KnowledgeEngine.Rete;

/// <summary>A rule definition the engine cannot compile (an undeclared name, a type mismatch).
/// Front ends validate first; this is the engine's own guard.</summary>
public sealed class RuleDefinitionException : Exception
{
    internal RuleDefinitionException(string ruleName, string message)
        : base($"Rule '{ruleName}': {message}") => RuleName = ruleName;

    public string RuleName { get; }
}
