namespace KnowledgeEngine.Rules;

/// <summary>A fact a rule's <c>derive:</c> inserts for other rules to match by name. Equal name
/// and fields make equal facts, so two matches deriving the same fact support one fact.</summary>
public sealed class DerivedFact : IEquatable<DerivedFact>
{
    public DerivedFact(string name, IReadOnlyDictionary<string, string> fields)
    {
        Name = name;
        Fields = new SortedDictionary<string, string>(fields.ToDictionary(), StringComparer.Ordinal);
    }

    public string Name { get; }

    public IReadOnlyDictionary<string, string> Fields { get; }

    /// <summary>Empty for a fact a confirmed match derived. For one a suspected match derived: the
    /// when conditions that did not hold for it (and for the suspected facts it was built on), which
    /// every match reading this fact inherits, so a cause chained on a suspected symptom is suspected.</summary>
    public IReadOnlyList<UnmetCondition> Unmet { get; init; } = [];

    public bool IsSuspected => Unmet.Count > 0;

    /// <summary>The field's value; empty when this fact was derived without it.</summary>
    public string Get(string field) => Fields.GetValueOrDefault(field) ?? "";

    public bool Equals(DerivedFact? other) =>
        other is not null && Name == other.Name && Fields.Count == other.Fields.Count
        && Fields.All(f => other.Fields.TryGetValue(f.Key, out var v) && v == f.Value);

    public override bool Equals(object? obj) => Equals(obj as DerivedFact);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(Name);
        foreach (var (key, value) in Fields)
        {
            hash.Add(key);
            hash.Add(value);
        }

        return hash.ToHashCode();
    }

    public override string ToString() => $"{Name}({string.Join(", ", Fields.Select(f => $"{f.Key}={f.Value}"))})";
}

/// <summary>Derived facts are told apart by value (so re-deriving one adds support instead of a
/// duplicate); every other fact by reference, as the engine does by default.</summary>
internal sealed class FactIdentity : IEqualityComparer<object>
{
    public static readonly FactIdentity Instance = new();

    public new bool Equals(object? x, object? y) =>
        x is DerivedFact a ? a.Equals(y as DerivedFact) : ReferenceEquals(x, y);

    public int GetHashCode(object obj) =>
        obj is DerivedFact derived ? derived.GetHashCode() : System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(obj);
}
