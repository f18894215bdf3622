namespace KnowledgeEngine.Rete;

/// <summary>An immutable rule: its left-hand side elements, in match order, and its actions.
/// Built with <see cref="RuleBuilder"/> or directly by a front end such as the YAML compiler.</summary>
public sealed record RuleDefinition(
    string Name,
    int Salience,
    IReadOnlyList<RuleElement> Elements,
    IReadOnlyList<Action<IActionContext>> Actions)
{
    /// <summary>Free-form data of the front end (e.g. the YAML rule it came from); the engine ignores it.</summary>
    public object? Tag { get; init; }

    public override string ToString() => Name;
}
