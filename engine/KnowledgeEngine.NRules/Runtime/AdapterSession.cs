using KnowledgeEngine.NRules.Translation;
using KnowledgeEngine.Rete.Runtime;
using NRulesActivation = NRules.RuleModel.IMatch;

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
    private readonly IReadOnlyDictionary<string, RuleShape> _shapes;
    private readonly Dictionary<object, Fact> _facts;
    private readonly Dictionary<string, Dictionary<NRulesActivation, Activation>> _byRule = new(StringComparer.Ordinal);
    private readonly AdapterAgenda _agenda = new();
    private readonly Queue<Fact> _unsupported = new();
    /// <summary>The matches NRules made during the current call, made ours once it returns.</summary>
    private readonly List<NRulesActivation> _made = [];
    /// <summary>When each fact last entered NRules: our network keeps its memories in that order.</summary>
    private readonly Dictionary<object, long> _entered = new(ReferenceEqualityComparer.Instance);
    private long _entries;
    private long _nextFactId;
    private long _sequence;

    public AdapterSession(global::NRules.ISessionFactory factory, IReadOnlyDictionary<string, RuleShape> shapes, SessionOptions options)
    {
        _options = options;
        _shapes = shapes;
        _facts = new Dictionary<object, Fact>(options.FactIdentity);
        foreach (var name in shapes.Keys)
        {
            _byRule[name] = new Dictionary<NRulesActivation, Activation>(ReferenceEqualityComparer.Instance);
        }

        // NRules activates the rules that start with not or an aggregate while it creates the
        // session, so the events are subscribed in its initialisation hook, before that.
        _inner = Within(() => factory.CreateSession(session =>
        {
            session.Agenda.AddFilter(RejectAll.Instance);
            session.Events.ActivationCreatedEvent += (_, e) => _made.Add(e.Match);
            session.Events.ActivationUpdatedEvent += (_, e) => Updated(e.Match);
            session.Events.ActivationDeletedEvent += (_, e) => Deleted(e.Match);
        }));
    }

    /// <summary>The session whose call into NRules is running on this thread: aggregators read the
    /// insertion order of facts from it.</summary>
    internal static AdapterSession? Current => s_current;

    public SessionEvents Events { get; } = new();

    public int FactCount => _facts.Count;

    public int AgendaCount => _agenda.Count;

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
        while (fired < maxRules && _agenda.TryPop(out var activation))
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

    public IReadOnlyList<Activation> Activations(string ruleName) =>
        _byRule.TryGetValue(ruleName, out var activations)
            ? activations.Values.ToArray()
            : throw new KeyNotFoundException($"No rule named '{ruleName}' in this session's rule set.");

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
        _entered[value] = ++_entries;
        Within(() => _inner.Insert(value));
    }

    private void Leave(object value)
    {
        Within(() => _inner.Retract(value));
        _entered.Remove(value);
    }

    /// <summary>Makes ours of the matches NRules made in one call. NRules and our network walk
    /// their memories in different orders, so several matches made by one change are taken in
    /// the order our network makes them in the common case: by when their facts entered, element
    /// by element.</summary>
    private void TakeMade()
    {
        if (_made.Count == 0)
        {
            return;
        }

        var made = _made.Select((m, i) => (Match: m, Key: EntryKey(m), Index: i)).ToList();
        _made.Clear();
        made.Sort((x, y) =>
        {
            for (var i = 0; i < Math.Min(x.Key.Length, y.Key.Length); i++)
            {
                var c = x.Key[i].CompareTo(y.Key[i]);
                if (c != 0)
                {
                    return c;
                }
            }

            return x.Index.CompareTo(y.Index);
        });
        foreach (var (match, _, _) in made)
        {
            Created(match);
        }
    }

    private long[] EntryKey(NRulesActivation match)
    {
        var shape = _shapes[match.Rule.Name];
        return shape.MatchOf(match).Facts.Select(f => f is not null && _entered.TryGetValue(f, out var at) ? at : 0).ToArray();
    }

    private void Created(NRulesActivation match)
    {
        var shape = _shapes[match.Rule.Name];
        var activation = new Activation(shape.Rule, shape.MatchOf(match), ++_sequence);
        _byRule[shape.Rule.Name][match] = activation;
        _agenda.Add(activation);
        Events.RaiseActivationCreated(activation);
    }

    /// <summary>NRules updates a match in place when an aggregate result changes; our engine
    /// withdraws the match and makes a new one, which fires again.</summary>
    private void Updated(NRulesActivation match)
    {
        if (_made.Contains(match))
        {
            return; // made in this call: it becomes ours with its final facts
        }

        Deleted(match);
        Created(match);
    }

    private void Deleted(NRulesActivation match)
    {
        if (_made.Remove(match))
        {
            return;
        }

        if (!_byRule[match.Rule.Name].Remove(match, out var activation))
        {
            return;
        }

        activation.IsDeleted = true;
        _agenda.Remove(activation);
        Events.RaiseActivationDeleted(activation);
        foreach (var fact in activation.Supported ?? [])
        {
            if (fact.LogicalSupport > 0 && --fact.LogicalSupport == 0)
            {
                _unsupported.Enqueue(fact);
            }
        }
    }

    /// <summary>Retracts the logical facts that lost their last supporter, until none is left.</summary>
    private void Settle()
    {
        while (_unsupported.TryDequeue(out var fact))
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
            TakeMade();
        }
    }
}
