namespace KnowledgeEngine.Rete.Runtime;

/// <summary>
/// What every back end's session shares: the fact table (identity, insertion order), the public calls that settle
/// after each change, the firing loop (refraction, fire limit, halt) and the fact events. A back end says how a fact
/// enters and leaves its matching (<see cref="Enter"/>, <see cref="Leave"/>), which activation fires next, and what
/// deferred work settles: our network (<see cref="Session"/>) or the NRules back end's adapter.
/// </summary>
internal abstract class SessionBase : ISession
{
    private readonly Dictionary<object, Fact> _facts;
    private long _nextFactId;

    protected SessionBase(SessionOptions options)
    {
        Options = options;
        _facts = new Dictionary<object, Fact>(options.FactIdentity);
    }

    protected SessionOptions Options { get; }

    public SessionEvents Events { get; } = new();

    public int FactCount => _facts.Count;

    public abstract int AgendaCount { get; }

    public abstract IReadOnlyList<Activation> Activations(string ruleName);

    /// <summary>The fact enters the back end's matching; called after it joined the fact table.</summary>
    protected abstract void Enter(Fact fact);

    /// <summary>The fact leaves the back end's matching; called while it is still in the fact table.</summary>
    protected abstract void Leave(Fact fact);

    /// <summary>The next activation to fire, best first.</summary>
    protected abstract bool TryPopActivation(out Activation activation);

    /// <summary>Runs deferred work (aggregate recounts, logical facts that lost their support) until none is left.</summary>
    protected abstract void Settle();

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
        while (fired < maxRules && TryPopActivation(out var activation))
        {
            activation.HasFired = true;
            Events.RaiseRuleFiring(activation);
            var context = new ActionContext(this, activation);
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
            if (fired > Options.FireLimit)
            {
                throw CycleError(perRule!);
            }

            if (fired > Options.FireLimit / 2)
            {
                // Only count per rule once a cycle looks likely, to keep the normal path cheap.
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

    internal bool TryGetFact(object value, out Fact fact) => _facts.TryGetValue(value, out fact!);

    internal Fact? InsertCore(object value, Activation? cause, bool logical)
    {
        ref var slot = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(_facts, value, out var exists);
        if (exists)
        {
            return null;
        }

        var fact = new Fact(++_nextFactId, value) { LogicalSupport = logical ? 0 : -1 };
        slot = fact;
        Enter(fact);
        Events.RaiseFactInserted(value, cause, logical);
        return fact;
    }

    /// <summary>Without the object's previous state the old matches cannot be re-tested, so the fact leaves the
    /// matching exactly as it entered and enters again: every match of it is withdrawn and made again, and fires again.</summary>
    internal void UpdateCore(object value, Activation? cause)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (!_facts.TryGetValue(value, out var fact))
        {
            throw new FactNotFoundException("update", value);
        }

        Leave(fact);
        if (!ReferenceEquals(fact.Object, value))
        {
            _facts.Remove(fact.Object);
            fact.Object = value;
            _facts.Add(value, fact);
        }

        Enter(fact);
        Events.RaiseFactUpdated(value, cause);
    }

    internal void RetractCore(Fact fact, Activation? cause, bool logical)
    {
        Leave(fact);
        _facts.Remove(fact.Object);
        Events.RaiseFactRetracted(fact.Object, cause, logical);
    }

    /// <summary>Retracts <paramref name="fact"/> if it is a logical fact whose last supporting match went and it is
    /// still the table's entry for its object.</summary>
    protected void RetractIfUnsupported(Fact fact)
    {
        if (fact.LogicalSupport == 0 && _facts.TryGetValue(fact.Object, out var current) && current == fact)
        {
            RetractCore(fact, null, logical: true);
        }
    }

    private RuleCycleException CycleError(Dictionary<string, int> perRule) =>
        new(Options.FireLimit, perRule.OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal)
            .Take(5).Select(p => (p.Key, p.Value)).ToArray());
}
