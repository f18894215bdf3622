namespace KnowledgeEngine.Rete;

/// <summary>A fact entered, changed in or left working memory. <see cref="Cause"/> is the
/// activation whose action did it (null when the caller did).</summary>
public sealed class FactEventArgs(object fact, Activation? cause, bool isLogical) : EventArgs
{
    public object Fact { get; } = fact;

    public Activation? Cause { get; } = cause;

    /// <summary>True for a logically inserted fact, and for a retraction caused by lost support.</summary>
    public bool IsLogical { get; } = isLogical;
}

public sealed class ActivationEventArgs(Activation activation) : EventArgs
{
    public Activation Activation { get; } = activation;

    public RuleDefinition Rule => Activation.Rule;

    public Match Match => Activation.Match;
}

/// <summary>What happens inside a session, for tracing and explanations. Handlers run
/// synchronously, in the middle of propagation: they must not change the session.</summary>
public sealed class SessionEvents
{
    public event EventHandler<FactEventArgs>? FactInserted;

    public event EventHandler<FactEventArgs>? FactUpdated;

    public event EventHandler<FactEventArgs>? FactRetracted;

    public event EventHandler<ActivationEventArgs>? ActivationCreated;

    public event EventHandler<ActivationEventArgs>? ActivationDeleted;

    public event EventHandler<ActivationEventArgs>? RuleFiring;

    public event EventHandler<ActivationEventArgs>? RuleFired;

    internal void RaiseFactInserted(object fact, Activation? cause, bool logical) =>
        FactInserted?.Invoke(this, new FactEventArgs(fact, cause, logical));

    internal void RaiseFactUpdated(object fact, Activation? cause) =>
        FactUpdated?.Invoke(this, new FactEventArgs(fact, cause, false));

    internal void RaiseFactRetracted(object fact, Activation? cause, bool logical) =>
        FactRetracted?.Invoke(this, new FactEventArgs(fact, cause, logical));

    internal void RaiseActivationCreated(Activation activation) =>
        ActivationCreated?.Invoke(this, new ActivationEventArgs(activation));

    internal void RaiseActivationDeleted(Activation activation) =>
        ActivationDeleted?.Invoke(this, new ActivationEventArgs(activation));

    internal void RaiseRuleFiring(Activation activation) => RuleFiring?.Invoke(this, new ActivationEventArgs(activation));

    internal void RaiseRuleFired(Activation activation) => RuleFired?.Invoke(this, new ActivationEventArgs(activation));
}
