namespace KnowledgeEngine.Rete;

public sealed record SessionOptions
{
    /// <summary>How facts are told apart: by reference (default), or e.g. by a key so that
    /// <see cref="ISession.Update"/> can be called with a new immutable object for the same fact.</summary>
    public IEqualityComparer<object> FactIdentity { get; init; } = ReferenceEqualityComparer.Instance;

    /// <summary>Rule firings in one <see cref="ISession.Fire"/> call after which the session gives
    /// up with a <see cref="RuleCycleException"/>.</summary>
    public int FireLimit { get; init; } = 1_000_000;
}
