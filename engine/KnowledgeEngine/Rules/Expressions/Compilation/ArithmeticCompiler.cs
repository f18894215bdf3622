using System.Linq.Expressions;

namespace KnowledgeEngine.Rules.Expressions;

/// <summary>
/// <c>+</c>, <c>-</c> and unary minus over numbers, durations and times. With a dynamic
/// operand the result type is only known at match time, except next to a number.
/// </summary>
internal static class ArithmeticCompiler
{
    public static Typed? Compile(CompileContext context, BinaryNode binary, Typed left, Typed right)
    {
        var add = binary.Operator == BinaryOperator.Add;
        ExprType? result = (left.Type, right.Type) switch
        {
            (ExprType.Number, ExprType.Number or ExprType.Any) or (ExprType.Any, ExprType.Number) => ExprType.Number,
            (ExprType.Any, ExprType.Any or ExprType.Duration or ExprType.Time) or (ExprType.Duration or ExprType.Time, ExprType.Any) => ExprType.Any,
            (ExprType.Duration, ExprType.Duration) => ExprType.Duration,
            (ExprType.Time, ExprType.Duration) => ExprType.Time,
            (ExprType.Duration, ExprType.Time) when add => ExprType.Time,
            (ExprType.Time, ExprType.Time) when !add => ExprType.Duration,
            _ => null,
        };

        if (result is not { } type)
        {
            var (l, r) = (CompileContext.Describe(binary.Left, left.Type), CompileContext.Describe(binary.Right, right.Type));
            context.TypeError(binary, add ? $"cannot add {l} and {r}" : $"cannot subtract {r} from {l}",
                "'+' and '-' work on numbers, durations and times, e.g. bundle.collected_at - 3m; join conditions with 'and'");
            return null;
        }

        return new Typed(Build(add, type, left, right), type);
    }

    public static Typed? Negate(CompileContext context, UnaryNode unary, Typed operand)
    {
        switch (operand.Type)
        {
            case ExprType.Number or ExprType.Duration:
                return new Typed(Expression.Negate(operand.Expr), operand.Type);
            case ExprType.Any:
                return new Typed(Expression.Call(RuntimeMethods.Negate, operand.Expr), ExprType.Any);
            default:
                context.TypeError(unary, $"cannot negate {CompileContext.Describe(unary.Operand, operand.Type)}",
                    "'-' applies to numbers and durations");
                return null;
        }
    }

    private static Expression Build(bool add, ExprType type, Typed left, Typed right)
    {
        if (type == ExprType.Any)
        {
            var method = add ? RuntimeMethods.Add : RuntimeMethods.Subtract;
            return Expression.Call(method, Coercion.Box(left.Expr), Coercion.Box(right.Expr));
        }

        var (l, r) = type == ExprType.Number
            ? (Coercion.To(left, ExprType.Number), Coercion.To(right, ExprType.Number))
            : Coercion.Unify(left.Expr, right.Expr);
        // DateTimeOffset defines time + duration only, so duration + time is swapped.
        if (left.Type == ExprType.Duration && right.Type == ExprType.Time)
        {
            (l, r) = (r, l);
        }

        return add ? Expression.Add(l, r) : Expression.Subtract(l, r);
    }
}
