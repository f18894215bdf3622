using System.Collections;
using System.Text.Json;

namespace KnowledgeEngine.Rules.Expressions;

internal static partial class ExpressionRuntime
{
    /// <summary>A field of an object (dictionary or JSON object); null when absent.</summary>
    public static object? Member(object? value, string name) => Normalize(value) switch
    {
        JsonElement { ValueKind: JsonValueKind.Object } json => json.TryGetProperty(name, out var field) ? field : null,
        IReadOnlyDictionary<string, object?> map => map.TryGetValue(name, out var field) ? field : null,
        // A log record's fields (FieldList): IReadOnlyDictionary is not covariant in its values.
        IReadOnlyDictionary<string, string> fields => fields.TryGetValue(name, out var text) ? text : null,
        IDictionary map => map.Contains(name) ? map[name] : null,
        _ => null,
    };

    /// <summary>An element of a list; null when out of range.</summary>
    public static object? Index(object? value, int index) => Normalize(value) switch
    {
        JsonElement { ValueKind: JsonValueKind.Array } json => index < json.GetArrayLength() ? json[index] : null,
        IReadOnlyList<object?> list => index < list.Count ? list[index] : null,
        IList list => index < list.Count ? list[index] : null,
        _ => null,
    };

    /// <summary>The first element of a list whose <paramref name="field"/> equals <paramref name="wanted"/>
    /// (compared as <see cref="Equal"/> does), or, when <paramref name="wanted"/> is null, that has the field;
    /// null when the list has none or the value is no list.</summary>
    public static object? Select(object? value, string field, object? wanted)
    {
        if (Normalize(value) is not { } list || AsSequence(list) is not { } elements)
        {
            return null;
        }

        foreach (var element in elements)
        {
            var found = Member(element, field);
            if (wanted is null ? !IsNull(found) : Equal(found, wanted))
            {
                return element;
            }
        }

        return null;
    }

    /// <summary>Length of a string, list or object; 0 for a missing value, NaN for a scalar.</summary>
    public static double Len(object? value) => Normalize(value) switch
    {
        null => 0,
        string s => s.Length,
        JsonElement { ValueKind: JsonValueKind.Array } json => json.GetArrayLength(),
        JsonElement { ValueKind: JsonValueKind.Object } json => json.EnumerateObject().Count(),
        ICollection collection => collection.Count,
        IReadOnlyCollection<object?> collection => collection.Count,
        IReadOnlyDictionary<string, object?> map => map.Count,
        IReadOnlyDictionary<string, string> fields => fields.Count,
        _ => double.NaN,
    };

    public static double LenText(string? value) => value?.Length ?? 0;

    public static double LenList(IReadOnlyList<object?>? value) => value?.Count ?? 0;

    public static string? Lower(string? value) => value?.ToLowerInvariant();

    public static string? Upper(string? value) => value?.ToUpperInvariant();
}
