using System.Collections;
using System.Text.Json;
using System.Text.RegularExpressions;
using KnowledgeEngine.Facts;

namespace KnowledgeEngine.Rules.Expressions;

internal static partial class ExpressionRuntime
{
    /// <summary>
    /// Equality of two dynamic values. A string meeting another kind of value is read as that
    /// kind ('8080' equals 8080), matching what the typed comparisons do.
    /// </summary>
    public static bool Equal(object? left, object? right)
    {
        var (a, b) = (Normalize(left), Normalize(right));
        return (a, b) switch
        {
            (null, null) => true,
            (null, _) or (_, null) => false,
            (string x, string y) => string.Equals(x, y, StringComparison.Ordinal),
            (string x, _) => Equals(Coerce(x, b), b),
            (_, string y) => Equals(a, Coerce(y, a)),
            _ when AsSequence(a) is { } xs && AsSequence(b) is { } ys => xs.Count == ys.Count && xs.Zip(ys).All(p => Equal(p.First, p.Second)),
            _ => a.Equals(b),
        };
    }

    public static bool NotEqual(object? left, object? right) => !Equal(left, right);

    /// <summary>Order of two dynamic values of the same kind; null when they cannot be ordered.</summary>
    public static int? Compare(object? left, object? right)
    {
        var (a, b) = (Normalize(left), Normalize(right));
        (a, b) = (a is string ta && b is not string ? Coerce(ta, b) : a, b is string tb && a is not string ? Coerce(tb, a) : b);
        return (a, b) switch
        {
            (double x, double y) when !double.IsNaN(x) && !double.IsNaN(y) => x.CompareTo(y),
            (string x, string y) => string.CompareOrdinal(x, y),
            (TimeSpan x, TimeSpan y) => x.CompareTo(y),
            (DateTimeOffset x, DateTimeOffset y) => x.CompareTo(y),
            _ => null,
        };
    }

    public static int? CompareText(string? left, string? right) =>
        left is null || right is null ? null : string.CompareOrdinal(left, right);

    public static bool InList(object? item, object? list) =>
        AsList(list) is { } items && items.Any(element => Equal(item, element));

    /// <summary>Substring for text, membership for lists, key presence for objects.</summary>
    public static bool Contains(object? container, object? item) => Normalize(container) switch
    {
        string text => ContainsText(text, AsString(item)),
        JsonElement { ValueKind: JsonValueKind.Object } json => AsString(item) is { } key && json.TryGetProperty(key, out _),
        IReadOnlyDictionary<string, object?> map => AsString(item) is { } key && map.ContainsKey(key),
        IReadOnlyDictionary<string, string> fields => AsString(item) is { } key && fields.ContainsKey(key),
        IDictionary map => AsString(item) is { } key && map.Contains(key),
        var other => InList(item, other),
    };

    public static bool ContainsText(string? text, string? part) =>
        text is not null && part is not null && text.Contains(part, StringComparison.Ordinal);

    public static bool StartsWith(string? text, string? prefix) =>
        text is not null && prefix is not null && text.StartsWith(prefix, StringComparison.Ordinal);

    public static bool EndsWith(string? text, string? suffix) =>
        text is not null && suffix is not null && text.EndsWith(suffix, StringComparison.Ordinal);

    /// <summary>A line that makes the regex run past its time limit counts as not matching, so one bad line cannot stop a diagnosis.</summary>
    public static bool IsMatch(LazyRegex regex, string? text)
    {
        if (text is null)
        {
            return false;
        }

        return regex.IsMatch(text);
    }

    private static object? Coerce(string text, object? like) => like switch
    {
        double => AsNumber(text),
        bool => AsBool(text),
        TimeSpan => AsDuration(text),
        DateTimeOffset => AsTime(text),
        _ => text,
    };

    private static IReadOnlyList<object?>? AsSequence(object value) =>
        value is string or IDictionary or IReadOnlyDictionary<string, object?> or IReadOnlyDictionary<string, string> or JsonElement { ValueKind: JsonValueKind.Object }
            ? null
            : AsList(value);
}
