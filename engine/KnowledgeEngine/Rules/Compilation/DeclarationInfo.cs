using System.Linq.Expressions;
using KnowledgeEngine.Facts;
using KnowledgeEngine.Rules.Model;

namespace KnowledgeEngine.Rules.Compilation;

/// <summary>What the compiler knows about one matched fact of a rule: the name conditions use,
/// the lambda parameter that reads it, and the fields it offers beyond its kind's own.</summary>
internal sealed class DeclarationInfo(string name, FactKind kind, Type type)
{
    public string Name { get; } = name;

    public FactKind Kind { get; } = kind;

    /// <summary>Named after the declaration: that is how the engine tells joins from own-fact reads.</summary>
    public ParameterExpression Parameter { get; } = Expression.Parameter(type, name);

    public LazyRegex? Regex { get; init; }

    public IReadOnlySet<string> Captures { get; init; } = new HashSet<string>();

    public IReadOnlySet<string> DerivedFields { get; init; } = new HashSet<string>();

    /// <summary>A count condition binds an aggregate result, not a fact.</summary>
    public bool IsCount { get; init; }

    public Rete.Declaration Declaration => new(Name, Parameter.Type);
}
