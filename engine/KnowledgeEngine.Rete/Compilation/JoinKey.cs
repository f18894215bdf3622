namespace KnowledgeEngine.Rete.Compilation;

/// <summary>Values of hash-join keys: null gets a stand-in (dictionaries refuse null keys), and
/// several equalities combine into one composite key.</summary>
internal static class JoinKey
{
    private static readonly object s_null = new NullKey();

    public static object Of(object? value) => value ?? s_null;

    public static object Composite(object?[] values) => new CompositeKey(values);

    private sealed class NullKey
    {
        public override string ToString() => "null";
    }

    private sealed class CompositeKey(object?[] values) : IEquatable<CompositeKey>
    {
        private readonly int _hash = ComputeHash(values);

        public bool Equals(CompositeKey? other)
        {
            if (other is null || other._hash != _hash || other.Values.Length != values.Length)
            {
                return false;
            }

            for (var i = 0; i < values.Length; i++)
            {
                if (!Equals(values[i], other.Values[i]))
                {
                    return false;
                }
            }

            return true;
        }

        private object?[] Values => values;

        public override bool Equals(object? obj) => Equals(obj as CompositeKey);

        public override int GetHashCode() => _hash;

        private static int ComputeHash(object?[] values)
        {
            var hash = new HashCode();
            foreach (var v in values)
            {
                hash.Add(v);
            }

            return hash.ToHashCode();
        }
    }
}
