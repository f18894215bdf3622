using System.Linq.Expressions;

namespace KnowledgeEngine.Rules.Expressions;

/// <summary>Converts operands between CLR shapes without changing what they mean.</summary>
internal static class Coercion
{
    private static readonly HashSet<Type> Numeric =
    [
        typeof(int), typeof(long), typeof(short), typeof(byte), typeof(sbyte),
        typeof(uint), typeof(ulong), typeof(ushort), typeof(float), typeof(decimal),
    ];

    /// <summary>Brings a scope binding to the CLR type its declared type uses.</summary>
    public static Typed FromBinding(ScopeBinding binding)
    {
        var value = binding.Value;
        var expected = ClrTypes.Of(binding.Type);
        if (value.Type == expected || (Nullable.GetUnderlyingType(value.Type) == expected && expected != typeof(double)))
        {
            return new Typed(value, binding.Type);
        }

        if (binding.Type == ExprType.Number && Numeric.Contains(value.Type))
        {
            return new Typed(Expression.Convert(value, typeof(double)), ExprType.Number);
        }

        if (!value.Type.IsValueType && expected.IsAssignableFrom(value.Type))
        {
            return new Typed(Expression.Convert(value, expected), binding.Type);
        }

        // Anything else is read like a dynamic value of the declared type.
        var dynamic = new Typed(Box(value), ExprType.Any);
        return binding.Type == ExprType.Any ? dynamic : new Typed(To(dynamic, binding.Type), binding.Type);
    }

    /// <summary>The operand as <paramref name="target"/>; only Any converts, other types must already match.</summary>
    public static Expression To(Typed operand, ExprType target)
    {
        if (operand.Type == target || target == ExprType.Any)
        {
            return target == ExprType.Any ? Box(operand.Expr) : operand.Expr;
        }

        var method = target switch
        {
            ExprType.Bool => RuntimeMethods.AsBool,
            ExprType.Number => RuntimeMethods.AsNumber,
            ExprType.String => RuntimeMethods.AsString,
            ExprType.Duration => RuntimeMethods.AsDuration,
            ExprType.Time => RuntimeMethods.AsTime,
            _ => RuntimeMethods.AsList,
        };
        return Expression.Call(method, Box(operand.Expr));
    }

    /// <summary>A bool for a condition: a missing or non-true value is false.</summary>
    public static Expression ToBool(Typed operand)
    {
        if (operand.Type == ExprType.Any)
        {
            return Expression.Call(RuntimeMethods.IsTrue, Box(operand.Expr));
        }

        return operand.Expr.Type == typeof(bool?)
            ? Expression.Equal(operand.Expr, Expression.Constant(true, typeof(bool?)))
            : operand.Expr;
    }

    public static Expression Box(Expression value) =>
        value.Type == typeof(object) ? value : Expression.Convert(value, typeof(object));

    /// <summary>Lifts one side to nullable when the other is, so the pair can meet in one operator.</summary>
    public static (Expression Left, Expression Right) Unify(Expression left, Expression right)
    {
        var leftNullable = Nullable.GetUnderlyingType(left.Type) is not null;
        var rightNullable = Nullable.GetUnderlyingType(right.Type) is not null;
        if (leftNullable == rightNullable)
        {
            return (left, right);
        }

        return leftNullable
            ? (left, Expression.Convert(right, left.Type))
            : (Expression.Convert(left, right.Type), right);
    }
}
