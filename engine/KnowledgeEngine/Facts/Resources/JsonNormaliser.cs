using System.Text.Json;
using System.Text.Json.Nodes;

namespace KnowledgeEngine.Facts.Resources;

/// <summary>
/// Undoes what collectors did to values before rules read them: support-bundle-kit writes "null" for empty
/// and null values; CloudStack before 4.19 says MASTER where later versions say PRIMARY.
/// </summary>
internal static class JsonNormaliser
{
    public static JsonNode? Normalise(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var name in obj.Select(p => p.Key).ToList())
                {
                    var child = obj[name];
                    if (IsNullString(child))
                        obj[name] = null;
                    else if (name == "redundantstate" && child is JsonValue v && v.TryGetValue<string>(out var state))
                        obj[name] = Logs.Bodies.RedundantState.Normalise(state);
                    else
                        Normalise(child);
                }
                return obj;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    if (IsNullString(array[i]))
                        array[i] = null;
                    else
                        Normalise(array[i]);
                }
                return array;
            default:
                return IsNullString(node) ? null : node;
        }
    }

    private static bool IsNullString(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<string>(out var text) && text == "null";

    public static JsonElement ToElement(JsonNode? node)
    {
        if (node is null)
            return JsonDocument.Parse("null").RootElement.Clone();
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
            node.WriteTo(writer);
        using var document = JsonDocument.Parse(buffer.ToArray());
        return document.RootElement.Clone();
    }
}
