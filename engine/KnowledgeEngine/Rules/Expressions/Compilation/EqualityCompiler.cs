using System.Linq.Expressions;

namespace KnowledgeEngine.Rules.Expressions;

/// <summary>
/// <c>==</c> and <c>!=</c>. Whenever both sides have or can be given one static type the
/// result is a plain <see cref="Expression.Equal(Expression, Expression)"/> over that type: the
/// Rete compiler recognises those nodes to build hash-indexed joins.
/// </summary>
internal static class EqualityCompiler
{
    public static Typed? Compile(CompileContext context, BinaryNode binary, Typed left, Typed right)
    {
        var equal = binary.Operator == BinaryOperator.Equal;
        if (IsNullLiteral(binary.Left) || IsNullLiteral(binary.Right))
        {
            var other = IsNullLiteral(binary.Left) ? right : left;
            var isNull = NullTest(other);
            return Bool(equal ? isNull : Negate(isNull));
        }

        if (Text(left.Expr) is { } leftText && Text(right.Expr) is { } rightText)
        {
            // Two text fields that may be missing (a resource's name, a line's host): string == has the runtime's
            // meaning for them (ordinal, null equals only null) and lets the join be hash-indexed.
            return Bool(equal ? Expression.Equal(leftText, rightText) : Expression.NotEqual(leftText, rightText));
        }

        if (left.Type is ExprType.Any or ExprType.List && right.Type is ExprType.Any or ExprType.List)
        {
            var method = equal ? RuntimeMethods.Equal : RuntimeMethods.NotEqual;
            var (a, b) = (Coercion.Box(left.Expr), Coercion.Box(right.Expr));
            return Bool(equal ? Expression.Equal(a, b, false, method) : Expression.NotEqual(a, b, false, method));
        }

        var type = left.Type == ExprType.Any ? right.Type : left.Type;
        if ((left.Type != type && left.Type != ExprType.Any) || (right.Type != type && right.Type != ExprType.Any))
        {
            TypeMismatch.Report(context, binary, left, right);
            return null;
        }

        var (l, r) = Coercion.Unify(Coercion.To(left, type), Coercion.To(right, type));
        return Bool(equal ? Expression.Equal(l, r) : Expression.NotEqual(l, r));
    }

    /// <summary>The expression as a CLR string, looking through the boxing of an Any-typed text field.</summary>
    private static Expression? Text(Expression expr) => expr switch
    {
        { Type: var type } when type == typeof(string) => expr,
        UnaryExpression { NodeType: ExpressionType.Convert, Operand.Type: var operand } convert
            when convert.Type == typeof(object) && operand == typeof(string) => convert.Operand,
        _ => null,
    };

    private static bool IsNullLiteral(ExprNode node) => node is LiteralNode { Value: null, Type: ExprType.Any };

    private static Expression NullTest(Typed operand)
    {
        var expr = operand.Expr;
        if (operand.Type == ExprType.Any)
        {
            return Expression.Call(RuntimeMethods.IsNull, expr);
        }

        return expr.Type.IsValueType && !operand.IsNullable
            ? Expression.Constant(false)
            : Expression.Equal(expr, Expression.Constant(null, expr.Type));
    }

    private static Expression Negate(Expression test) =>
        test is ConstantExpression { Value: bool value } ? Expression.Constant(!value) : Expression.Not(test);

    private static Typed Bool(Expression expr) => new(expr, ExprType.Bool);
}
