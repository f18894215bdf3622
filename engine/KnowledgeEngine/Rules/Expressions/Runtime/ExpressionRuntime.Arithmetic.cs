namespace KnowledgeEngine.Rules.Expressions;

internal static partial class ExpressionRuntime
{
    /// <summary>Sum of dynamic values: numbers, durations, or a time and a duration.</summary>
    public static object? Add(object? left, object? right) => (Quantity(left), Quantity(right)) switch
    {
        (double x, double y) => x + y,
        (TimeSpan x, TimeSpan y) => x + y,
        (DateTimeOffset x, TimeSpan y) => x + y,
        (TimeSpan x, DateTimeOffset y) => y + x,
        _ => null,
    };

    /// <summary>Difference of dynamic values; a time minus a time is a duration.</summary>
    public static object? Subtract(object? left, object? right) => (Quantity(left), Quantity(right)) switch
    {
        (double x, double y) => x - y,
        (TimeSpan x, TimeSpan y) => x - y,
        (DateTimeOffset x, TimeSpan y) => x - y,
        (DateTimeOffset x, DateTimeOffset y) => x - y,
        _ => null,
    };

    public static object? Negate(object? value) => Quantity(value) switch
    {
        double x => -x,
        TimeSpan x => x.Negate(),
        _ => null,
    };

    /// <summary>Reads text as a duration, a time or a number, in that order.</summary>
    private static object? Quantity(object? value) => Normalize(value) switch
    {
        string s => AsDuration(s) ?? AsTime(s) ?? (object?)(AsNumber(s) is var d && !double.IsNaN(d) ? d : null),
        var other => other,
    };
}
