namespace KnowledgeEngine.Rete;

/// <summary>One working memory over a shared compiled network. Not thread-safe; create one
/// session per diagnosis.</summary>
public interface ISession
{
    SessionEvents Events { get; }

    int FactCount { get; }

    void Insert(object fact);

    bool TryInsert(object fact);

    void InsertAll(IEnumerable<object> facts);

    /// <summary>Re-evaluates a fact after it changed (or replaces it by an equal-identity object).
    /// Matches that involve it are withdrawn and re-made, so affected rules fire again.</summary>
    void Update(object fact);

    void UpdateAll(IEnumerable<object> facts);

    void Retract(object fact);

    bool TryRetract(object fact);

    void RetractAll(IEnumerable<object> facts);

    /// <summary>Fires activations, best first, until none is left, an action halts, or
    /// <paramref name="maxRules"/> have fired. Returns how many fired.</summary>
    int Fire(int maxRules = int.MaxValue);

    IEnumerable<T> Query<T>();

    /// <summary>The current matches of a rule (fired or waiting), in the order they were made.</summary>
    IReadOnlyList<Activation> Activations(string ruleName);

    /// <summary>Activations waiting to fire.</summary>
    int AgendaCount { get; }
}

/// <summary>A compiled rule set. Immutable and thread-safe: create any number of sessions.</summary>
public interface ISessionFactory
{
    IReadOnlyList<RuleDefinition> Rules { get; }

    ISession CreateSession(SessionOptions? options = null);

    /// <summary>Node counts by kind (TypeNode, SelectionNode, AlphaMemoryNode, JoinNode, ...).</summary>
    IReadOnlyDictionary<string, int> NetworkSummary { get; }
}
