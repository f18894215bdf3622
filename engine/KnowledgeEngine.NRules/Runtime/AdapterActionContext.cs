namespace KnowledgeEngine.NRules.Runtime;

/// <summary>The context of one firing in the adapter session. A logical insert is counted here, as
/// our engine counts it: NRules' linked facts belong to one activation each (a second match
/// linking an equal fact is an error there), while here any number of matches may support one fact.</summary>
internal sealed class AdapterActionContext(AdapterSession session, Activation activation) : IActionContext
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
