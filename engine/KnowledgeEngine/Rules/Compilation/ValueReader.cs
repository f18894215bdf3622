using System.Globalization;
using System.Linq.Expressions;
using System.Text.Json;
using KnowledgeEngine.Rete;
using KnowledgeEngine.Rules.Expressions;

namespace KnowledgeEngine.Rules.Compilation;

/// <summary>Reads one <c>name.field</c> value from a match, compiled once at load, for
/// templates, derived facts and expected captures.</summary>
internal sealed class ValueReader
{
    private static readonly System.Reflection.PropertyInfo Indexer = typeof(Match).GetProperty("Item", [typeof(string)])!;
    private readonly Lazy<Func<Match, object?>> _read;

    private ValueReader(string path, string declaration, Lazy<Func<Match, object?>> read)
    {
        Path = path;
        Declaration = declaration;
        _read = read;
    }

    public string Path { get; }

    /// <summary>The declaration the value comes from: a match without it cannot provide the value.</summary>
    public string Declaration { get; }

    public static ValueReader? Compile(string path, IExpressionScope scope, IReadOnlyList<DeclarationInfo> declarations)
    {
        var segments = path.Split('.').Select(s => new PathSegment(s, null, null, default)).ToArray();
        if (scope.Resolve(segments) is not { } binding)
        {
            return null;
        }

        var match = Expression.Parameter(typeof(Match), "match");
        var body = new Rebinder(match, declarations).Visit(binding.Value)!;
        var lambda = Expression.Lambda<Func<Match, object?>>(Expression.Convert(body, typeof(object)), match);

        // Compiling is the main cost of loading; most values are only read once a rule fires, and
        // values of one shape (host.name in a thousand rules) share one compiled method.
        return new ValueReader(path, segments[0].Name, new Lazy<Func<Match, object?>>(() => Rete.LambdaCompiler.Compile(lambda)));
    }

    public string? Read(Match match)
    {
        foreach (var declaration in match.Declarations)
        {
            if (declaration.Name == Declaration)
            {
                return Format(_read.Value(match));
            }
        }

        return null;
    }

    public static string? Format(object? value) => value switch
    {
        JsonElement { ValueKind: JsonValueKind.String } json => json.GetString(),
        JsonElement { ValueKind: JsonValueKind.Null or JsonValueKind.Undefined } => null,
        JsonElement json => json.GetRawText(),
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        int i => i.ToString(CultureInfo.InvariantCulture),
        IReadOnlyList<string> list => string.Join(", ", list),
        _ => ExpressionRuntime.AsString(value),
    };

    /// <summary>Replaces each declaration parameter by a read of that declaration from the match.</summary>
    private sealed class Rebinder(ParameterExpression match, IReadOnlyList<DeclarationInfo> declarations) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) =>
            declarations.Any(d => d.Parameter == node)
                ? Expression.Convert(Expression.Property(match, Indexer, Expression.Constant(node.Name)), node.Type)
                : node;
    }
}
