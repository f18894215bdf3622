namespace KnowledgeEngine.Rete;

/// <summary>The value an aggregate element binds: how many facts matched and which.</summary>
public sealed class AggregateResult
{
    internal AggregateResult(IReadOnlyList<object> items, DateTimeOffset? first, DateTimeOffset? last)
    {
        Items = items;
        First = first;
        Last = last;
    }

    public int Count => Items.Count;

    /// <summary>The matched facts; with a time window, those of the densest window, oldest first.</summary>
    public IReadOnlyList<object> Items { get; }

    /// <summary>Earliest timestamp among <see cref="Items"/> when the aggregate has a time window.</summary>
    public DateTimeOffset? First { get; }

    public DateTimeOffset? Last { get; }

    public override string ToString() => $"AggregateResult(Count={Count})";
}
