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
internal sealed class AdapterSession : ISession
{
    [ThreadStatic]
    private static AdapterSession? s_current;

    private readonly global::NRules.ISession _inner;
    private readonly SessionOptions _options;
    private readonly Dictionary<object, Fact> _facts;
    private readonly MatchBook _matches;
    private long _nextFactId;

    public AdapterSession(global::NRules.ISessionFactory factory, IReadOnlyDictionary<string, RuleShape> shapes, SessionOptions options)
    {
        _options = options;
        _facts = new Dictionary<object, Fact>(options.FactIdentity);
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

    public SessionEvents Events { get; } = new();

    public int FactCount => _facts.Count;

    public int AgendaCount => _matches.Agenda.Count;

    public void Insert(object fact)
    {
        if (!TryInsert(fact))
        {
            throw new DuplicateFactException(fact);
        }
    }

    public bool TryInsert(object fact)
    {
        ArgumentNullException.ThrowIfNull(fact);
        var inserted = InsertCore(fact, null, logical: false) is not null;
        Settle();
        return inserted;
    }

    public void InsertAll(IEnumerable<object> facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        foreach (var fact in facts)
        {
            if (InsertCore(fact ?? throw new ArgumentException("A fact is null.", nameof(facts)), null, false) is null)
            {
                Settle();
                throw new DuplicateFactException(fact);
            }
        }

        Settle();
    }

    public void Update(object fact)
    {
        UpdateCore(fact, null);
        Settle();
    }

    public void UpdateAll(IEnumerable<object> facts)
    {
        foreach (var fact in facts)
        {
            UpdateCore(fact, null);
        }

        Settle();
    }

    public void Retract(object fact)
    {
        if (!TryRetract(fact))
        {
            throw new FactNotFoundException("retract", fact);
        }
    }

    public bool TryRetract(object fact)
    {
        ArgumentNullException.ThrowIfNull(fact);
        if (!_facts.TryGetValue(fact, out var known))
        {
            return false;
        }

        RetractCore(known, null, logical: false);
        Settle();
        return true;
    }

    public void RetractAll(IEnumerable<object> facts)
    {
        foreach (var fact in facts)
        {
            if (!_facts.TryGetValue(fact, out var known))
            {
                Settle();
                throw new FactNotFoundException("retract", fact);
            }

            RetractCore(known, null, logical: false);
        }

        Settle();
    }

    public int Fire(int maxRules = int.MaxValue)
    {
        Settle();
        var fired = 0;
        Dictionary<string, int>? perRule = null;
        while (fired < maxRules && _matches.Agenda.TryPop(out var activation))
        {
            activation.HasFired = true;
            Events.RaiseRuleFiring(activation);
            var context = new AdapterActionContext(this, activation);
            foreach (var action in activation.Rule.Actions)
            {
                try
                {
                    action(context);
                }
                catch (Exception e) when (e is not RuleCycleException)
                {
                    Settle();
                    throw new RuleActionException(activation, e);
                }
            }

            Events.RaiseRuleFired(activation);
            Settle();
            fired++;
            if (fired > _options.FireLimit)
            {
                throw new RuleCycleException(_options.FireLimit, perRule!.OrderByDescending(p => p.Value)
                    .ThenBy(p => p.Key, StringComparer.Ordinal).Take(5).Select(p => (p.Key, p.Value)).ToArray());
            }

            if (fired > _options.FireLimit / 2)
            {
                perRule ??= [];
                perRule[activation.Rule.Name] = perRule.GetValueOrDefault(activation.Rule.Name) + 1;
            }

            if (context.IsHalted)
            {
                break;
            }
        }

        return fired;
    }

    public IEnumerable<T> Query<T>() => _facts.Values.Select(f => f.Object).OfType<T>().ToArray();

    public IReadOnlyList<Activation> Activations(string ruleName) => _matches.Activations(ruleName);

    internal Fact EntryOf(object value) => _facts[value];

    internal bool TryGetFact(object value, out Fact fact) => _facts.TryGetValue(value, out fact!);

    internal Fact? InsertCore(object value, Activation? cause, bool logical)
    {
        if (_facts.ContainsKey(value))
        {
            return null;
        }

        var fact = new Fact(++_nextFactId, value) { LogicalSupport = logical ? 0 : -1 };
        _facts.Add(value, fact);
        Enter(value);
        Events.RaiseFactInserted(value, cause, logical);
        return fact;
    }

    /// <summary>Our Update withdraws every match of the fact and makes them again (so they fire
    /// again); NRules' update keeps a match that still holds, so the fact leaves and re-enters NRules.</summary>
    internal void UpdateCore(object value, Activation? cause)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (!_facts.TryGetValue(value, out var fact))
        {
            throw new FactNotFoundException("update", value);
        }

        Leave(fact.Object);
        if (!ReferenceEquals(fact.Object, value))
        {
            _facts.Remove(fact.Object);
            fact.Object = value;
            _facts.Add(value, fact);
        }

        Enter(value);
        Events.RaiseFactUpdated(value, cause);
    }

    internal void RetractCore(Fact fact, Activation? cause, bool logical)
    {
        Leave(fact.Object);
        _facts.Remove(fact.Object);
        Events.RaiseFactRetracted(fact.Object, cause, logical);
    }

    private void Enter(object value)
    {
        _matches.Entering(value);
        Within(() => _inner.Insert(value));
    }

    private void Leave(object value)
    {
        Within(() => _inner.Retract(value));
        _matches.Left(value);
    }

    /// <summary>Retracts the logical facts that lost their last supporter, until none is left.</summary>
    private void Settle()
    {
        while (_matches.Unsupported.TryDequeue(out var fact))
        {
            if (fact.LogicalSupport == 0 && _facts.TryGetValue(fact.Object, out var current) && current == fact)
            {
                RetractCore(fact, null, logical: true);
            }
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
        finally
        {
            s_current = outer;
            _matches.TakeMade();
        }
    }
}
