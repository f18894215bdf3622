using KnowledgeEngine.Rete;

namespace KnowledgeEngine.Rules.Running;

/// <summary>The first facts of a match, compared by identity: an evidence match extends the cause
/// match whose facts it starts with.</summary>
internal readonly struct MatchPrefix(Match match, int length) : IEquatable<MatchPrefix>
{
    public bool Equals(MatchPrefix other)
    {
        for (var i = 0; i < length; i++)
        {
            if (!ReferenceEquals(match.Facts[i], other.Facts(i)))
            {
                return false;
            }
        }

        return true;
    }

    public override bool Equals(object? obj) => obj is MatchPrefix other && Equals(other);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        for (var i = 0; i < length; i++)
        {
            hash.Add(System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(match.Facts[i]));
        }

        return hash.ToHashCode();
    }

    private object? Facts(int index) => match.Facts[index];
}
