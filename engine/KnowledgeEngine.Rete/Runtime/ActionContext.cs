namespace KnowledgeEngine.Rete.Runtime;

/// <summary>The context of one firing; changes go straight into the session. A logical insert is counted here, for
/// every back end: any number of matches may support one fact (NRules' own linked facts belong to one activation
/// each, so its back end uses this count too).</summary>
internal sealed class ActionContext(SessionBase session, Activation activation) : IActionContext
{
    public RuleDefinition Rule => activation.Rule;

    public Match Match => activation.Match;

    public bool IsHalted { get; private set; }

    public void Insert(object fact)
    {
        if (session.InsertCore(fact, activation, logical: false) is null)
        {
            throw new DuplicateFactException(fact);
        }
    }

    public void InsertLogical(object fact)
    {
        // A match that an earlier action of this firing already undid supports nothing.
        if (activation.IsDeleted)
        {
            return;
        }

        if (session.TryGetFact(fact, out var existing))
        {
            if (existing.LogicalSupport < 0)
            {
                return; // inserted plainly: it stays regardless of support
            }

            existing.LogicalSupport++;
            (activation.Supported ??= []).Add(existing);
            return;
        }

        var inserted = session.InsertCore(fact, activation, logical: true)!;
        inserted.LogicalSupport = 1;
        (activation.Supported ??= []).Add(inserted);
    }

    public void Update(object fact) => session.UpdateCore(fact, activation);

    public void Retract(object fact)
    {
        if (!session.TryGetFact(fact, out var known))
        {
            throw new FactNotFoundException("retract", fact);
        }

        session.RetractCore(known, activation, logical: false);
    }

    public void Halt() => IsHalted = true;
}
