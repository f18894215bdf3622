using KnowledgeEngine.Rete.Runtime;
using Tuple = KnowledgeEngine.Rete.Runtime.Tuple;

namespace KnowledgeEngine.Rete.Network;

/// <summary>The end of a rule's path: each full tuple becomes an activation on the agenda.</summary>
internal sealed class TerminalNode(RuleDefinition rule, IReadOnlyList<Declaration> declarations) : ReteNode, ILeftSink
{
    public RuleDefinition Rule { get; } = rule;

    public IReadOnlyList<Declaration> Declarations { get; } = declarations;

    public void LeftActivate(WorkingMemory memory, Tuple tuple)
    {
        var activation = new Activation(Rule, tuple, Declarations, memory.NextSequence());
        Activations(memory)[tuple] = activation;
        memory.Agenda.Add(activation);
        memory.Events.RaiseActivationCreated(activation);
    }

    public void LeftRetract(WorkingMemory memory, Tuple tuple)
    {
        if (Activations(memory).Remove(tuple, out var activation))
        {
            memory.DeleteActivation(activation);
        }
    }

    /// <summary>The current matches of this rule, fired or waiting.</summary>
    public IEnumerable<Activation> Current(WorkingMemory memory) => Activations(memory).Values;

    private Dictionary<Tuple, Activation> Activations(WorkingMemory memory) =>
        (Dictionary<Tuple, Activation>)(memory.Slot(this) ??= new Dictionary<Tuple, Activation>());
}
