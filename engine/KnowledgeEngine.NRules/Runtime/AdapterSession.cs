using KnowledgeEngine.NRules.Translation;
using KnowledgeEngine.Rete.Runtime;

namespace KnowledgeEngine.NRules.Runtime;

/// <summary>
/// Our session semantics over an NRules session. NRules does the matching (its Rete network holds
/// the joins, not/exists and aggregates); this class keeps what our engine defines and NRules
/// defines differently: the fact table (identity, insertion order), the agenda (salience, then the
/// most recent match), refraction and re-firing, truth maintenance with any number of supporting
/// matches, and the events. NRules never fires a rule itself: an agenda filter keeps its agenda
/// empty and its activation events feed ours.
/// </summary>
internal sealed class AdapterSession : SessionBase
{
    [ThreadStatic]
    private static AdapterSession? s_current;

    private readonly global::NRules.ISession _inner;
    private readonly MatchBook _matches;

    public AdapterSession(global::NRules.ISessionFactory factory, IReadOnlyDictionary<string, RuleShape> shapes, SessionOptions options)
        : base(options)
    {
        _matches = new MatchBook(shapes, Events);

        // NRules activates the rules that start with not or an aggregate while it creates the
        // session, so the events are subscribed in its initialisation hook, before that.
        _inner = Within(() => factory.CreateSession(session =>
        {
            session.Agenda.AddFilter(RejectAll.Instance);
            session.Events.ActivationCreatedEvent += (_, e) => _matches.Made(e.Match);
            session.Events.ActivationUpdatedEvent += (_, e) => _matches.Updated(e.Match);
            session.Events.ActivationDeletedEvent += (_, e) => _matches.Deleted(e.Match);
        }));
    }

    /// <summary>The session whose call into NRules is running on this thread: aggregators read the
    /// insertion order of facts from it.</summary>
    internal static AdapterSession? Current => s_current;

    public override int AgendaCount => _matches.Agenda.Count;

    public override IReadOnlyList<Activation> Activations(string ruleName) => _matches.Activations(ruleName);

    internal Fact EntryOf(object value) => TryGetFact(value, out var fact) ? fact : throw new KeyNotFoundException("The fact is not in this session.");

    protected override bool TryPopActivation(out Activation activation) => _matches.Agenda.TryPop(out activation!);

    /// <summary>Our Update withdraws every match of the fact and makes them again (so they fire again); NRules' own
    /// update keeps a match that still holds, so an updated fact leaves and re-enters NRules.</summary>
    protected override void Enter(Fact fact)
    {
        _matches.Entering(fact.Object);
        Within(() => _inner.Insert(fact.Object));
    }

    protected override void Leave(Fact fact)
    {
        Within(() => _inner.Retract(fact.Object));
        _matches.Left(fact.Object);
    }

    /// <summary>Retracts the logical facts that lost their last supporter, until none is left.</summary>
    protected override void Settle()
    {
        while (_matches.Unsupported.TryDequeue(out var fact))
        {
            RetractIfUnsupported(fact);
        }
    }

    private void Within(Action call) => Within(() =>
    {
        call();
        return 0;
    });

    private T Within<T>(Func<T> call)
    {
        var outer = s_current;
        s_current = this;
        try
        {
            return call();
        }
        catch (global::NRules.RuleLhsExpressionEvaluationException e) when (e.InnerException is { } inner)
        {
            // Our engine lets a condition's exception reach the caller as it was thrown; NRules wraps it.
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(inner);
            throw;
        }
        finally
        {
            s_current = outer;
            _matches.TakeMade();
        }
    }
}
