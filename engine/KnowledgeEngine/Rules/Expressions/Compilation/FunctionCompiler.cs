using System.Linq.Expressions;

namespace KnowledgeEngine.Rules.Expressions;

/// <summary>len, lower and upper; exists is a path question and lives in <see cref="PathCompiler"/>.</summary>
internal static class FunctionCompiler
{
    public static Typed? Compile(CompileContext context, CallNode call, Typed argument)
    {
        var node = call.Arguments[0];
        switch (call.Name, argument.Type)
        {
            case ("len", ExprType.String):
                return Number(Expression.Call(RuntimeMethods.LenText, argument.Expr));
            case ("len", ExprType.List):
                return Number(Expression.Call(RuntimeMethods.LenList, argument.Expr));
            case ("len", ExprType.Any):
                return Number(Expression.Call(RuntimeMethods.Len, argument.Expr));
            case ("lower" or "upper", ExprType.String or ExprType.Any):
                var method = call.Name == "lower" ? RuntimeMethods.Lower : RuntimeMethods.Upper;
                return new Typed(Expression.Call(method, Coercion.To(argument, ExprType.String)), ExprType.String);
        }

        var needs = call.Name == "len" ? "text or a list" : "text";
        context.TypeError(node, $"{call.Name}() needs {needs}, found {CompileContext.Describe(node, argument.Type)}",
            call.Name == "len" ? "pass a string or list field, e.g. len(spec.roles)" : $"pass a string field, e.g. {call.Name}(name)");
        return null;
    }

    private static Typed Number(Expression value) => new(value, ExprType.Number);
}
