using System.Linq.Expressions;
using System.Text.Json;
using KnowledgeEngine.Facts;
using KnowledgeEngine.Rules.Expressions;
using KnowledgeEngine.Rules.Model;

namespace KnowledgeEngine.Rules.Compilation;

/// <summary>The fields a condition's expressions can read on each fact kind, and how. Text that
/// may be missing is Any, so a missing value compares false instead of failing.</summary>
internal static class FieldCatalog
{
    private static readonly Dictionary<FactKind, Dictionary<string, (string Member, ExprType Type)>> Fields = new()
    {
        [FactKind.Log] = new()
        {
            ["source"] = (nameof(LogFact.Source), ExprType.String), ["line"] = (nameof(LogFact.Line), ExprType.Number),
            ["message"] = (nameof(LogFact.Message), ExprType.String), ["text"] = (nameof(LogFact.Text), ExprType.String),
            ["level"] = (nameof(LogFact.Level), ExprType.Any), ["component"] = (nameof(LogFact.Component), ExprType.Any),
            ["host"] = (nameof(LogFact.Host), ExprType.Any), ["time"] = (nameof(LogFact.Timestamp), ExprType.Any),
            ["format"] = (nameof(LogFact.Format), ExprType.String), ["fields"] = (nameof(LogFact.Fields), ExprType.Any),
            ["source_namespace"] = (nameof(LogFact.SourceNamespace), ExprType.Any), ["source_pod"] = (nameof(LogFact.SourcePod), ExprType.Any),
            ["source_container"] = (nameof(LogFact.SourceContainer), ExprType.Any),
        },
        [FactKind.Resource] = new()
        {
            ["source"] = (nameof(ResourceFact.Source), ExprType.String), ["line"] = (nameof(ResourceFact.Line), ExprType.Number),
            ["kind"] = (nameof(ResourceFact.ResourceKind), ExprType.String), ["name"] = (nameof(ResourceFact.Name), ExprType.Any),
            ["namespace"] = (nameof(ResourceFact.Namespace), ExprType.Any), ["api_version"] = (nameof(ResourceFact.ApiVersion), ExprType.Any),
            ["object"] = (nameof(ResourceFact.Object), ExprType.Any),
        },
        [FactKind.Config] = new()
        {
            ["source"] = (nameof(ConfigFact.Source), ExprType.String), ["file"] = (nameof(ConfigFact.Source), ExprType.String),
            ["line"] = (nameof(ConfigFact.Line), ExprType.Number), ["key"] = (nameof(ConfigFact.Key), ExprType.String),
            ["value"] = (nameof(ConfigFact.Value), ExprType.String),
        },
        [FactKind.File] = new()
        {
            ["path"] = (nameof(FileFact.Source), ExprType.String), ["size"] = (nameof(FileFact.Size), ExprType.Number),
            ["binary"] = (nameof(FileFact.IsBinary), ExprType.Bool), ["collected"] = (nameof(FileFact.Collected), ExprType.Bool),
        },
        [FactKind.Bundle] = new()
        {
            ["layout"] = (nameof(BundleFact.Layout), ExprType.String), ["platform"] = (nameof(BundleFact.Platform), ExprType.Any),
            ["hosts"] = (nameof(BundleFact.Hosts), ExprType.Any), ["collected_at"] = (nameof(BundleFact.CollectedAt), ExprType.Any),
        },
    };

    public static Type ClrType(FactKind kind) => kind switch
    {
        FactKind.Log => typeof(LogFact),
        FactKind.Resource => typeof(ResourceFact),
        FactKind.Config => typeof(ConfigFact),
        FactKind.File => typeof(FileFact),
        FactKind.Bundle => typeof(BundleFact),
        _ => typeof(DerivedFact),
    };

    public static IReadOnlyCollection<string> Names(FactKind kind) => Fields.TryGetValue(kind, out var f) ? f.Keys : [];

    /// <summary>Binds one field of a fact. Resources also expose every top-level key of their
    /// object, derived facts the fields their rules derive, log conditions their captures.</summary>
    public static ScopeBinding? Bind(DeclarationInfo declaration, Expression fact, string field)
    {
        if (declaration.IsCount)
        {
            return field switch
            {
                "count" => new(Expression.Convert(Expression.Property(fact, nameof(Rete.AggregateResult.Count)), typeof(double)), ExprType.Number),
                "first" => new(Expression.Convert(Expression.Property(fact, nameof(Rete.AggregateResult.First)), typeof(object)), ExprType.Any),
                "last" => new(Expression.Convert(Expression.Property(fact, nameof(Rete.AggregateResult.Last)), typeof(object)), ExprType.Any),
                _ => null,
            };
        }

        if (declaration.Captures.Contains(field))
        {
            return new(Expression.Call(typeof(RegexCaptures), nameof(RegexCaptures.Get), null, fact,
                Expression.Constant(declaration.Regex), Expression.Constant(field)), ExprType.String);
        }

        if (Fields.TryGetValue(declaration.Kind, out var fields) && fields.TryGetValue(field, out var known))
        {
            Expression value = Expression.Property(fact, known.Member);
            if (known.Type == ExprType.Any || value.Type == typeof(int) || value.Type == typeof(long))
            {
                value = known.Type == ExprType.Any ? Expression.Convert(value, typeof(object)) : Expression.Convert(value, typeof(double));
            }

            return new(value, known.Type);
        }

        return declaration.Kind switch
        {
            FactKind.Resource => new(Expression.Call(typeof(FieldCatalog), nameof(ObjectField), null, fact, Expression.Constant(field)), ExprType.Any),
            FactKind.Fact when declaration.DerivedFields.Contains(field) =>
                new(Expression.Call(fact, nameof(DerivedFact.Get), null, Expression.Constant(field)), ExprType.String),
            _ => null,
        };
    }

    public static IEnumerable<string> KnownFields(DeclarationInfo declaration) =>
        declaration.IsCount ? ["count", "first", "last"] : Names(declaration.Kind).Concat(declaration.Captures).Concat(declaration.DerivedFields);

    /// <summary>A top-level key of a resource's object; null when absent.</summary>
    public static object? ObjectField(ResourceFact fact, string name) =>
        fact.Object.ValueKind == JsonValueKind.Object && fact.Object.TryGetProperty(name, out var value) ? value : null;
}

/// <summary>The log fields a regex capture must not shadow.</summary>
internal static class LogFields
{
    public static IReadOnlyCollection<string> Names => FieldCatalog.Names(FactKind.Log);
}
