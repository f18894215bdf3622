namespace KnowledgeEngine.Rete;

/// <summary>What a rule action sees and may do while it fires.</summary>
public interface IActionContext
{
    RuleDefinition Rule { get; }

    /// <summary>The facts that made the rule fire, by declaration.</summary>
    Match Match { get; }

    /// <summary>Inserts a fact that stays until retracted.</summary>
    void Insert(object fact);

    /// <summary>Inserts a fact supported by this match: when the match goes away (one of its facts
    /// is retracted or no longer satisfies the rule), the fact is retracted too, unless another
    /// match still supports it.</summary>
    void InsertLogical(object fact);

    void Update(object fact);

    void Retract(object fact);

    /// <summary>Stops <see cref="ISession.Fire"/> after this action.</summary>
    void Halt();
}
