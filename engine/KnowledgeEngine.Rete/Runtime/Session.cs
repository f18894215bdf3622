using KnowledgeEngine.Rete.Network;

namespace KnowledgeEngine.Rete.Runtime;

/// <summary>Our network's session: a fact enters by propagation through the shared network and leaves by withdrawing
/// its memberships and tuples; deferred work (aggregate recounts, retraction of unsupported logical facts) settles
/// after every call, so the caller always sees a consistent working memory.</summary>
internal sealed class Session : SessionBase
{
    private readonly ReteNetwork _network;
    private readonly WorkingMemory _memory;
    private readonly List<AlphaMemoryNode> _memoriesScratch = [];

    public Session(ReteNetwork network, SessionOptions options)
        : base(options)
    {
        _network = network;
        _memory = new WorkingMemory(network.Nodes.Count, Events);
        network.Dummy.Seed(_memory, new Tuple(null, null, network.Dummy));
        Settle();
    }

    public override int AgendaCount => _memory.Agenda.Count;

    public override IReadOnlyList<Activation> Activations(string ruleName) =>
        _network.Terminals.TryGetValue(ruleName, out var terminal)
            ? terminal.Current(_memory).ToArray()
            : throw new KeyNotFoundException($"No rule named '{ruleName}' in this session's rule set.");

    protected override bool TryPopActivation(out Activation activation) => _memory.Agenda.TryPop(out activation!);

    protected override void Enter(Fact fact)
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

    protected override void Leave(Fact fact)
    {
        fact.LeaveMemberships(m => _memory.AlphaState(m.Node).Remove(fact, m.Keys));

        while (fact.FirstTuple is { } tuple)
        {
            tuple.Node!.RetractByFact(_memory, tuple);
        }
    }

    protected override void Settle()
    {
        while (_memory.TryTakeDeferred(out var aggregate, out var unsupported))
        {
            if (aggregate is not null)
            {
                aggregate.Settle(_memory);
            }
            else if (unsupported is not null)
            {
                RetractIfUnsupported(unsupported);
            }
        }
    }
}
