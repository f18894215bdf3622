namespace KnowledgeEngine.Rete.Runtime;

/// <summary>A fact in working memory: the user's object plus the engine's bookkeeping for it.</summary>
internal sealed class Fact(long id, object value)
{
    public long Id { get; } = id;

    public object Object { get; set; } = value;

    /// <summary>Head of the intrusive list of tuples whose right fact is this one (join matches,
    /// not/exists/aggregate pairs); retraction walks it instead of re-evaluating conditions.</summary>
    internal Tuple? FirstTuple;

    /// <summary>The alpha memories this fact entered, with the index keys it was filed under there,
    /// so it leaves them exactly as it entered even if the object has since changed. Most facts
    /// enter one memory, kept inline.</summary>
    private AlphaMembership _firstMembership;
    private List<AlphaMembership>? _moreMemberships;

    internal void AddMembership(AlphaMembership membership)
    {
        if (_firstMembership.Node is null)
        {
            _firstMembership = membership;
        }
        else
        {
            (_moreMemberships ??= []).Add(membership);
        }
    }

    /// <summary>Hands the memberships to <paramref name="leave"/> and forgets them.</summary>
    internal void LeaveMemberships(Action<AlphaMembership> leave)
    {
        if (_firstMembership.Node is null)
        {
            return;
        }

        leave(_firstMembership);
        _moreMemberships?.ForEach(leave);
        _firstMembership = default;
        _moreMemberships = null;
    }

    /// <summary>Number of activations that logically support this fact; -1 when inserted plainly.</summary>
    internal int LogicalSupport = -1;

    public override int GetHashCode() => Id.GetHashCode();

    public override string ToString() => $"Fact#{Id}({Object})";
}

internal readonly record struct AlphaMembership(Network.AlphaMemoryNode Node, object?[]? Keys);
