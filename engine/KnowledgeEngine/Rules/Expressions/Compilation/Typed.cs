using System.Linq.Expressions;

namespace KnowledgeEngine.Rules.Expressions;

/// <summary>
/// A compiled operand and its language type. The CLR type is the one of
/// <see cref="ClrTypes.Of"/>, except Bool, Duration and Time read from dynamic values, which
/// are nullable so a missing value compares false.
/// </summary>
internal readonly record struct Typed(Expression Expr, ExprType Type)
{
    public bool IsNullable => Nullable.GetUnderlyingType(Expr.Type) is not null;
}

internal static class ClrTypes
{
    public static Type Of(ExprType type) => type switch
    {
        ExprType.Bool => typeof(bool),
        ExprType.Number => typeof(double),
        ExprType.String => typeof(string),
        ExprType.Duration => typeof(TimeSpan),
        ExprType.Time => typeof(DateTimeOffset),
        ExprType.List => typeof(IReadOnlyList<object?>),
        _ => typeof(object),
    };
}
