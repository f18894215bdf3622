using System.Collections;
using System.Globalization;
using System.Text.Json;

namespace KnowledgeEngine.Rules.Expressions;

/// <summary>
/// What compiled expressions call at match time to read dynamic (<see cref="ExprType.Any"/>)
/// values. Every helper is total: a missing or unconvertible value gives null (NaN for
/// numbers) instead of throwing, so a comparison with it is simply false.
/// </summary>
internal static partial class ExpressionRuntime
{
    /// <summary>Brings a value to the small set of runtime representations; JSON arrays and objects stay JsonElement.</summary>
    public static object? Normalize(object? value) => value switch
    {
        null or string or double or bool or TimeSpan or DateTimeOffset => value,
        JsonElement json => FromJson(json),
        int or long or short or byte or sbyte or uint or ulong or ushort or float or decimal =>
            Convert.ToDouble(value, CultureInfo.InvariantCulture),
        DateTime time => time.Kind == DateTimeKind.Unspecified
            ? new DateTimeOffset(DateTime.SpecifyKind(time, DateTimeKind.Utc))
            : new DateTimeOffset(time),
        _ => value,
    };

    public static string? AsString(object? value) => Normalize(value) switch
    {
        string s => s,
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        TimeSpan t => DurationSyntax.Format(t),
        DateTimeOffset t => t.ToString("O", CultureInfo.InvariantCulture),
        _ => null,
    };

    public static double AsNumber(object? value) => Normalize(value) switch
    {
        double d => d,
        string s when double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) => d,
        _ => double.NaN,
    };

    public static bool? AsBool(object? value) => Normalize(value) switch
    {
        bool b => b,
        string s when bool.TryParse(s, out var b) => b,
        _ => null,
    };

    /// <summary>True only for a value that is true, so a missing flag counts as not set.</summary>
    public static bool IsTrue(object? value) => AsBool(value) == true;

    public static bool IsNull(object? value) => Normalize(value) is null;

    public static TimeSpan? AsDuration(object? value) => Normalize(value) switch
    {
        TimeSpan t => t,
        string s when DurationSyntax.TryParse(s, out var t, out _, out _) => t,
        string s when TimeSpan.TryParse(s, CultureInfo.InvariantCulture, out var t) => t,
        _ => null,
    };

    public static DateTimeOffset? AsTime(object? value) => Normalize(value) switch
    {
        DateTimeOffset t => t,
        string s when DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t) => t,
        _ => null,
    };

    public static IReadOnlyList<object?>? AsList(object? value) => Normalize(value) switch
    {
        IReadOnlyList<object?> list => list,
        JsonElement { ValueKind: JsonValueKind.Array } json => [.. json.EnumerateArray().Select(e => (object?)e)],
        string or IDictionary or IReadOnlyDictionary<string, object?> or IReadOnlyDictionary<string, string> => null,
        IEnumerable items => [.. items.Cast<object?>()],
        _ => null,
    };

    private static object? FromJson(JsonElement json) => json.ValueKind switch
    {
        JsonValueKind.String => json.GetString(),
        JsonValueKind.Number => json.GetDouble(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.Array or JsonValueKind.Object => json,
        _ => null,
    };
}
