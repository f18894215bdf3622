namespace KnowledgeEngine.Rete.Runtime;

/// <summary>A partial match: the left tuple plus one more fact. Every element of a rule occupies
/// one level (not/exists with no fact), so element i's fact sits at depth i + 1.
/// Links are intrusive so that retraction finds children and fact users without searching.</summary>
internal sealed class Tuple
{
    private static long s_nextId;

    public Tuple(Tuple? left, Fact? rightFact, Network.ReteNode? node)
    {
        Left = left;
        RightFact = rightFact;
        Node = node;
        Depth = left is null ? 0 : left.Depth + 1;
        // Only a hash code: a lost update between sessions on two threads gives two tuples one id,
        // which costs a hash collision, never a wrong match (equality is by reference).
        Id = ++s_nextId;
    }

    public long Id { get; }

    public Tuple? Left { get; }

    public Fact? RightFact { get; }

    /// <summary>The node that produced this tuple.</summary>
    public Network.ReteNode? Node { get; }

    public int Depth { get; }

    /// <summary>A pair records that RightFact matched Left inside a not/exists/aggregate node; pairs
    /// are not propagated, they only make counting exact under retraction.</summary>
    public bool IsPair { get; init; }

    internal Tuple? FirstChild;
    internal Tuple? PrevSibling;
    internal Tuple? NextSibling;
    internal Tuple? PrevOfFact;
    internal Tuple? NextOfFact;
    internal bool IsLinked;

    /// <summary>The object bound at element <paramref name="index"/> (0-based), or null.</summary>
    public object? GetObject(int index)
    {
        var t = this;
        while (t.Depth - 1 > index)
        {
            t = t.Left!;
        }

        return t.RightFact?.Object;
    }

    public object?[] ToObjects()
    {
        var result = new object?[Depth];
        for (var t = this; t.Depth > 0; t = t.Left!)
        {
            result[t.Depth - 1] = t.RightFact?.Object;
        }

        return result;
    }

    /// <summary>Links this tuple under its left parent and into its right fact's list.</summary>
    public void Link()
    {
        if (Left is not null)
        {
            NextSibling = Left.FirstChild;
            if (NextSibling is not null)
            {
                NextSibling.PrevSibling = this;
            }

            Left.FirstChild = this;
        }

        if (RightFact is not null)
        {
            NextOfFact = RightFact.FirstTuple;
            if (NextOfFact is not null)
            {
                NextOfFact.PrevOfFact = this;
            }

            RightFact.FirstTuple = this;
        }

        IsLinked = true;
    }

    public void Unlink()
    {
        if (!IsLinked)
        {
            return;
        }

        if (Left is not null)
        {
            if (PrevSibling is not null)
            {
                PrevSibling.NextSibling = NextSibling;
            }
            else
            {
                Left.FirstChild = NextSibling;
            }

            if (NextSibling is not null)
            {
                NextSibling.PrevSibling = PrevSibling;
            }
        }

        if (RightFact is not null)
        {
            if (PrevOfFact is not null)
            {
                PrevOfFact.NextOfFact = NextOfFact;
            }
            else
            {
                RightFact.FirstTuple = NextOfFact;
            }

            if (NextOfFact is not null)
            {
                NextOfFact.PrevOfFact = PrevOfFact;
            }
        }

        PrevSibling = NextSibling = PrevOfFact = NextOfFact = null;
        IsLinked = false;
    }

    public override int GetHashCode() => Id.GetHashCode();

    public override string ToString() => $"Tuple#{Id}(depth {Depth})";
}
