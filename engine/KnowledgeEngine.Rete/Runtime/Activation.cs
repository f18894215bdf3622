namespace KnowledgeEngine.Rete;

/// <summary>A rule whose conditions hold for one tuple of facts, waiting on the agenda or fired.</summary>
public sealed class Activation
{
    private Match? _match;

    internal Activation(RuleDefinition rule, Runtime.Tuple tuple, IReadOnlyList<Declaration> declarations, long sequence)
    {
        Rule = rule;
        Tuple = tuple;
        Declarations = declarations;
        Sequence = sequence;
    }

    /// <summary>An activation of another back end, which has no tuple of this engine's network.</summary>
    internal Activation(RuleDefinition rule, Match match, long sequence)
    {
        Rule = rule;
        _match = match;
        Declarations = match.Declarations;
        Sequence = sequence;
    }

    public RuleDefinition Rule { get; }

    public Match Match => _match ??= new Match(Declarations, Tuple!.ToObjects());

    /// <summary>True once the rule fired for this match; a match fires at most once (refraction).</summary>
    public bool HasFired { get; internal set; }

    /// <summary>The network tuple of the match; null when another back end made the activation.</summary>
    internal Runtime.Tuple? Tuple { get; }

    internal IReadOnlyList<Declaration> Declarations { get; }

    /// <summary>Creation order; the more recent activation fires first among equal salience.</summary>
    internal long Sequence { get; }

    internal bool IsEnqueued { get; set; }

    internal bool IsDeleted { get; set; }

    /// <summary>Facts this activation inserted logically; they lose its support when it goes.</summary>
    internal List<Runtime.Fact>? Supported { get; set; }

    /// <summary>The match went: it leaves the agenda, and each logical fact it supported loses one supporter; those
    /// left with none join <paramref name="unsupported"/>, for the session to retract when it settles.</summary>
    internal void Delete(Runtime.Agenda agenda, SessionEvents events, Queue<Runtime.Fact> unsupported)
    {
        IsDeleted = true;
        agenda.Remove(this);
        events.RaiseActivationDeleted(this);
        foreach (var fact in Supported ?? [])
        {
            if (fact.LogicalSupport > 0 && --fact.LogicalSupport == 0)
            {
                unsupported.Enqueue(fact);
            }
        }
    }

    public override string ToString() => $"{Rule.Name}#{Sequence}";
}
