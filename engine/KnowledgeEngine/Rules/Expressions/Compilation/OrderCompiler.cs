using System.Linq.Expressions;

namespace KnowledgeEngine.Rules.Expressions;

/// <summary><c>&lt; &lt;= &gt; &gt;=</c> over numbers, strings (ordinal), durations and times.</summary>
internal static class OrderCompiler
{
    public static Typed? Compile(CompileContext context, BinaryNode binary, Typed left, Typed right)
    {
        var type = left.Type == ExprType.Any ? right.Type : left.Type;
        var comparable = type is ExprType.Number or ExprType.String or ExprType.Duration or ExprType.Time or ExprType.Any;
        if (!comparable)
        {
            var node = left.Type == type ? binary.Left : binary.Right;
            context.TypeError(binary, $"'{OperatorTable.Text(binary.Operator)}' cannot order {CompileContext.Describe(node, type)}",
                "only numbers, text, durations and times have an order; use == or != here");
            return null;
        }

        if ((left.Type != type && left.Type != ExprType.Any) || (right.Type != type && right.Type != ExprType.Any))
        {
            TypeMismatch.Report(context, binary, left, right);
            return null;
        }

        return new Typed(Order(binary.Operator, type, left, right), ExprType.Bool);
    }

    private static Expression Order(BinaryOperator op, ExprType type, Typed left, Typed right)
    {
        if (type is ExprType.String or ExprType.Any)
        {
            // Text and dynamic values order through a nullable int: missing compares false.
            var comparison = type == ExprType.String
                ? Expression.Call(RuntimeMethods.CompareText, Coercion.To(left, type), Coercion.To(right, type))
                : Expression.Call(RuntimeMethods.Compare, Coercion.Box(left.Expr), Coercion.Box(right.Expr));
            return Apply(op, comparison, Expression.Constant(0, typeof(int?)));
        }

        var (l, r) = Coercion.Unify(Coercion.To(left, type), Coercion.To(right, type));
        return Apply(op, l, r);
    }

    private static BinaryExpression Apply(BinaryOperator op, Expression left, Expression right) => op switch
    {
        BinaryOperator.Less => Expression.LessThan(left, right),
        BinaryOperator.LessOrEqual => Expression.LessThanOrEqual(left, right),
        BinaryOperator.Greater => Expression.GreaterThan(left, right),
        _ => Expression.GreaterThanOrEqual(left, right),
    };
}
