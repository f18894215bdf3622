using System.Linq.Expressions;

namespace KnowledgeEngine.Rules.Expressions;

/// <summary>
/// Resolves a field path through the scope. The longest prefix the scope knows is bound; the
/// rest of the path is read at match time when that prefix is a dynamic object or a list.
/// </summary>
internal sealed class PathCompiler(CompileContext context)
{
    private const int MaxSuggestions = 8;

    public Typed? Compile(PathNode path)
    {
        var segments = path.Segments.Select(s => s with { Span = context.InFile(s.Span) }).ToList();
        for (var length = segments.Count; length > 0; length--)
        {
            if (context.Scope.Resolve(segments.Take(length).ToList()) is { } binding)
            {
                return Descend(path, Coercion.FromBinding(binding), length);
            }
        }

        ReportUnknown(path);
        return null;
    }

    /// <summary><c>exists(path)</c>: the path is known and its value is not null.</summary>
    public Typed? CompileExists(PathNode path)
    {
        if (Compile(path) is not { } value)
        {
            return null;
        }

        var expr = value.Expr;
        Expression present = value.Type == ExprType.Any
            ? Expression.Not(Expression.Call(RuntimeMethods.IsNull, expr))
            : expr.Type.IsValueType && !value.IsNullable
                ? Expression.Constant(true)
                : Expression.NotEqual(expr, Expression.Constant(null, expr.Type));
        return new Typed(present, ExprType.Bool);
    }

    private Typed? Descend(PathNode path, Typed bound, int resolved)
    {
        var current = bound;
        for (var i = resolved; i < path.Segments.Count; i++)
        {
            var segment = path.Segments[i];
            if (current.Type is not (ExprType.Any or ExprType.List))
            {
                var prefix = new PathNode(path.Segments.Take(i).ToList(), path.Span);
                var what = segment switch
                {
                    { Index: { } index } => $"no index [{index}]",
                    { Selector: not null } => "no list elements to select",
                    _ => $"no field '{segment.MemberName}'",
                };
                context.TypeError(path, $"{CompileContext.Describe(prefix, current.Type)} has {what}",
                    $"only objects and lists have parts; remove what follows {ExpressionPrinter.Print(prefix)}");
                return null;
            }

            var source = Coercion.Box(current.Expr);
            var next = segment switch
            {
                { Index: { } at } => Expression.Call(RuntimeMethods.Index, source, Expression.Constant(at)),
                { Selector: { } selector } => Expression.Call(RuntimeMethods.Select, source, Expression.Constant(selector.Field), Expression.Constant(selector.Value, typeof(object))),
                _ => Expression.Call(RuntimeMethods.Member, source, Expression.Constant(segment.MemberName)),
            };
            current = new Typed(next, ExprType.Any);
        }

        return current;
    }

    private void ReportUnknown(PathNode path)
    {
        var text = ExpressionPrinter.Print(path);
        var known = NameSuggestions.Ranked(text, context.Scope.KnownNames).ToList();
        var fix = known.Count == 0
            ? "no names are defined here; check the condition's fact kind"
            : $"{NameSuggestions.Closest(text, known)}known names: {string.Join(", ", known.Take(MaxSuggestions))}";
        context.Error(ErrorCodes.UnknownName, path.Span, $"unknown name '{text}'", fix);
    }
}
