using System.Linq.Expressions;

namespace KnowledgeEngine.Rules.Expressions;

/// <summary><c>in</c>, <c>not in</c>, <c>contains</c>, <c>startsWith</c>, <c>endsWith</c> and <c>matches</c>.</summary>
internal static class MembershipCompiler
{
    public static Typed? Compile(CompileContext context, BinaryNode binary, Typed left, Typed right) => binary.Operator switch
    {
        BinaryOperator.In or BinaryOperator.NotIn => In(context, binary, left, right),
        BinaryOperator.Contains => Contains(context, binary, left, right),
        BinaryOperator.Matches => RegexCompiler.Matches(context, binary, left),
        _ => Affix(context, binary, left, right),
    };

    private static Typed? In(CompileContext context, BinaryNode binary, Typed left, Typed right)
    {
        if (right.Type is not (ExprType.List or ExprType.Any))
        {
            var fix = right.Type == ExprType.String
                ? $"to look for text inside text write {ExpressionPrinter.Print(binary.Right)} contains {ExpressionPrinter.Print(binary.Left)}"
                : $"write a list, e.g. {ExpressionPrinter.Print(binary.Left)} in ['a', 'b']";
            context.TypeError(binary.Right, $"'{OperatorTable.Text(binary.Operator)}' needs a list on the right, found {CompileContext.Describe(binary.Right, right.Type)}", fix);
            return null;
        }

        Expression found = Expression.Call(RuntimeMethods.InList, Coercion.Box(left.Expr), Coercion.Box(right.Expr));
        return Bool(binary.Operator == BinaryOperator.In ? found : Expression.Not(found));
    }

    private static Typed? Contains(CompileContext context, BinaryNode binary, Typed left, Typed right)
    {
        switch (left.Type, right.Type)
        {
            case (ExprType.String, ExprType.String or ExprType.Any):
                return Bool(Expression.Call(RuntimeMethods.ContainsText, left.Expr, Coercion.To(right, ExprType.String)));
            case (ExprType.List or ExprType.Any, _):
                return Bool(Expression.Call(RuntimeMethods.Contains, Coercion.Box(left.Expr), Coercion.Box(right.Expr)));
            case (ExprType.String, _):
                context.TypeError(binary.Right, $"'contains' looks for text in text, found {CompileContext.Describe(binary.Right, right.Type)}",
                    "quote what to look for, e.g. message contains 'timeout'");
                return null;
            default:
                context.TypeError(binary.Left, $"'contains' needs text or a list on the left, found {CompileContext.Describe(binary.Left, left.Type)}",
                    "use == to compare single values");
                return null;
        }
    }

    private static Typed? Affix(CompileContext context, BinaryNode binary, Typed left, Typed right)
    {
        var ok = true;
        foreach (var (node, operand) in new[] { (binary.Left, left), (binary.Right, right) })
        {
            if (operand.Type is not (ExprType.String or ExprType.Any))
            {
                context.TypeError(node, $"'{OperatorTable.Text(binary.Operator)}' needs text on both sides, found {CompileContext.Describe(node, operand.Type)}",
                    "compare text with text, e.g. name startsWith 'kube-'");
                ok = false;
            }
        }

        if (!ok)
        {
            return null;
        }

        var method = binary.Operator == BinaryOperator.StartsWith ? RuntimeMethods.StartsWith : RuntimeMethods.EndsWith;
        return Bool(Expression.Call(method, Coercion.To(left, ExprType.String), Coercion.To(right, ExprType.String)));
    }

    private static Typed Bool(Expression expr) => new(expr, ExprType.Bool);
}
