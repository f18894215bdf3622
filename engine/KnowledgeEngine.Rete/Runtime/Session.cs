using KnowledgeEngine.Rete.Network;

namespace KnowledgeEngine.Rete.Runtime;

/// <summary>The session facade: keeps the fact map, drives propagation and firing, and settles
/// deferred work (aggregate recounts, retraction of unsupported logical facts) after every call,
/// so the caller always sees a consistent working memory.</summary>
internal sealed class Session : ISession
{
    private readonly ReteNetwork _network;
    private readonly SessionOptions _options;
    private readonly Dictionary<object, Fact> _facts;
    private readonly WorkingMemory _memory;
    private readonly List<AlphaMemoryNode> _memoriesScratch = [];
    private long _nextFactId;

    public Session(ReteNetwork network, SessionOptions options)
    {
        _network = network;
        _options = options;
        _facts = new Dictionary<object, Fact>(options.FactIdentity);
        _memory = new WorkingMemory(network.Nodes.Count, Events);
        network.Dummy.Seed(_memory, new Tuple(null, null, network.Dummy));
        Settle();
    }

    public SessionEvents Events { get; } = new();

    public int FactCount => _facts.Count;

    public int AgendaCount => _memory.Agenda.Count;

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
        while (fired < maxRules && _memory.Agenda.TryPop(out var activation))
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
            if (fired > _options.FireLimit)
            {
                throw CycleError(perRule!);
            }

            if (fired > _options.FireLimit / 2)
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

    public IReadOnlyList<Activation> Activations(string ruleName) =>
        _network.Terminals.TryGetValue(ruleName, out var terminal)
            ? terminal.Current(_memory).ToArray()
            : throw new KeyNotFoundException($"No rule named '{ruleName}' in this session's rule set.");

    internal Fact? InsertCore(object value, Activation? cause, bool logical)
    {
        ref var slot = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(_facts, value, out var exists);
        if (exists)
        {
            return null;
        }

        var fact = new Fact(++_nextFactId, value) { LogicalSupport = logical ? 0 : -1 };
        slot = fact;
        Propagate(fact);
        Events.RaiseFactInserted(value, cause, logical);
        return fact;
    }

    internal void UpdateCore(object value, Activation? cause)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (!_facts.TryGetValue(value, out var fact))
        {
            throw new FactNotFoundException("update", value);
        }

        // Without the object's previous state the old matches cannot be re-tested, so the fact
        // leaves the network exactly as it entered (stored keys, tuple links) and enters again.
        Withdraw(fact);
        if (!ReferenceEquals(fact.Object, value))
        {
            _facts.Remove(fact.Object);
            fact.Object = value;
            _facts.Add(value, fact);
        }

        Propagate(fact);
        Events.RaiseFactUpdated(value, cause);
    }

    internal void RetractCore(Fact fact, Activation? cause, bool logical)
    {
        _facts.Remove(fact.Object);
        Withdraw(fact);
        Events.RaiseFactRetracted(fact.Object, cause, logical);
    }

    internal bool TryGetFact(object value, out Fact fact) => _facts.TryGetValue(value, out fact!);

    private void Propagate(Fact fact)
    {
        _memoriesScratch.Clear();
        foreach (var typeNode in _network.TypeNodesFor(fact.Object.GetType()))
        {
            typeNode.Collect(fact.Object, _memoriesScratch);
        }

        // Propagation never runs actions, so nothing re-enters here while the scratch list is walked.
        foreach (var memory in _memoriesScratch)
        {
            memory.Activate(_memory, fact);
        }
    }

    private void Withdraw(Fact fact)
    {
        fact.LeaveMemberships(m => _memory.AlphaState(m.Node).Remove(fact, m.Keys));

        while (fact.FirstTuple is { } tuple)
        {
            tuple.Node!.RetractByFact(_memory, tuple);
        }
    }

    /// <summary>Runs deferred work until none is left.</summary>
    private void Settle()
    {
        while (_memory.TryTakeDeferred(out var aggregate, out var unsupported))
        {
            if (aggregate is not null)
            {
                aggregate.Settle(_memory);
            }
            else if (unsupported is not null && unsupported.LogicalSupport == 0
                     && _facts.TryGetValue(unsupported.Object, out var current) && current == unsupported)
            {
                RetractCore(unsupported, null, logical: true);
            }
        }
    }

    private RuleCycleException CycleError(Dictionary<string, int> perRule) =>
        new(_options.FireLimit, perRule.OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal)
            .Take(5).Select(p => (p.Key, p.Value)).ToArray());
}
