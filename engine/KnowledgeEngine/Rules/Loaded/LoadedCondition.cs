using KnowledgeEngine.Rules.Model;

namespace KnowledgeEngine.Rules;

/// <summary>What a condition is to its rule: a signature that singles the failure out, another
/// required (when) condition, or an optional item for or against the cause.</summary>
public enum ConditionRole
{
    Signature,
    When,
    Evidence,
    Against,
}

/// <summary>
/// One condition of a loaded rule: its role, the name its match is bound to (generated names start
/// with '_'), the text every output uses for it, and, internally, its element's position in the
/// compiled cause rule, so nothing outside the compiler rebuilds names or positions.
/// </summary>
public sealed class LoadedCondition
{
    internal LoadedCondition(ConditionModel model, ConditionRole role, string name, int position)
    {
        Model = model;
        Role = role;
        Name = name;
        Position = position;
        Description = RuleText.Describe(model);
        Location = RuleText.Location(model.Span);
    }

    public ConditionRole Role { get; }

    /// <summary>The declaration name: the one given with <c>as:</c>, or a generated one starting with '_'.</summary>
    public string Name { get; }

    /// <summary>The name given with <c>as:</c>; null when the rule gave none.</summary>
    public string? DeclaredName => Model.Name?.Value;

    /// <summary>The declared name, or "line N" of the rule file: how examples' <c>missing:</c> and
    /// test output refer to the condition.</summary>
    public string Label => DeclaredName ?? $"line {Model.Span.Line}";

    public FactKind Kind => Model.Kind.Value;

    /// <summary>The condition in a few words (its kind and what it looks for), the same in every output.</summary>
    public string Description { get; }

    /// <summary>Where the condition is written, from rules/ on (rules/x/y.yaml:17:5).</summary>
    public string Location { get; }

    /// <summary>An evidence or against item's weight; 0 for when conditions.</summary>
    public double Weight => Model.Weight?.Value ?? 0;

    /// <summary>How to obtain the fact when it is missing, as the rule says.</summary>
    public string? Collect => Model.Collect?.Value;

    public bool IsAbsent => Model.Absent?.Value == true;

    public bool HasJoin => Model.Where is not null;

    /// <summary>The index of the condition's element in the compiled cause rule (when conditions);
    /// the item's index among its kind (evidence and against).</summary>
    internal int Position { get; }

    internal ConditionModel Model { get; }

    public override string ToString() => $"{Name}: {Description}";
}
