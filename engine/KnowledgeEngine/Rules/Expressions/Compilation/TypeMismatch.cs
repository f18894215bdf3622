namespace KnowledgeEngine.Rules.Expressions;

/// <summary>The KB104 message for two operands that cannot meet, with a fix fitting the pair.</summary>
internal static class TypeMismatch
{
    public static void Report(CompileContext context, BinaryNode binary, Typed left, Typed right)
    {
        var verb = binary.Operator is BinaryOperator.Equal or BinaryOperator.NotEqual
            ? "cannot compare"
            : $"'{OperatorTable.Text(binary.Operator)}' cannot compare";
        context.TypeError(binary,
            $"{verb} {CompileContext.Describe(binary.Left, left.Type)} with {CompileContext.Describe(binary.Right, right.Type)}",
            Fix(left.Type, right.Type));
    }

    public static string Fix(ExprType a, ExprType b)
    {
        bool Either(ExprType type) => a == type || b == type;
        return true switch
        {
            _ when Either(ExprType.Duration) && (Either(ExprType.String) || Either(ExprType.Number)) =>
                "write the duration with a unit, e.g. 3m",
            _ when Either(ExprType.Time) => "compare a time with a time, e.g. time > bundle.collected_at - 3m",
            _ when Either(ExprType.Number) && Either(ExprType.String) => "compare numbers with numbers: drop the quotes, e.g. 8080",
            _ when Either(ExprType.Bool) => "compare with true or false",
            _ when Either(ExprType.List) => "use 'in' or 'contains' to look into a list",
            _ => "compare values of the same type",
        };
    }
}
