using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using KnowledgeEngine.Facts.Documents;

namespace KnowledgeEngine.Facts.Resources;

/// <summary>An object found in a document, with the kind its container implies.</summary>
internal sealed record FoundObject(JsonObject Object, string Kind, int Depth);

/// <summary>
/// Recognises the document shapes API tools write and lists the objects in them:
/// Kubernetes objects and Lists, Talos resources, CloudStack responses (raw or cmk), climc lists.
/// </summary>
internal static partial class ResourceShapes
{
    public static List<FoundObject>? Find(JsonNode? root, string fileName, ReadNotes notes, int line)
    {
        switch (root)
        {
            case JsonObject obj when Text(obj, "kind") is { } kind && obj["items"] is JsonArray items:
                var itemKind = kind.EndsWith("List", StringComparison.Ordinal) && kind.Length > 4 ? kind[..^4] : kind;
                return Objects(items, itemKind, 2, useOwnKind: true);
            case JsonObject obj when !obj.ContainsKey("kind") && obj["items"] is JsonArray { Count: > 0 } items && items.All(IsKubernetesObject):
                // kubectl writes "kind: List" after the items: a List without it is the head of a longer paste.
                notes.Warn(line, "a List without its 'kind' line (kubectl writes it after the items): the text was probably cut; " +
                                 "its items were read, the last one may be incomplete.");
                return Objects(items, "List", 2, useOwnKind: true);
            case JsonArray array when array.Count > 0 && array.All(IsKubernetesObject):
                // Objects cut out of a List and pasted as a bare sequence.
                return Objects(array, "List", 1, useOwnKind: true);
            case JsonObject obj when Text(obj, "kind") is { } kind && Text(obj, "apiVersion") is not null:
                return [new FoundObject(obj, kind, 0)];
            case JsonObject obj when obj["metadata"] is JsonObject meta && Text(meta, "type") is { } type && obj.ContainsKey("spec"):
                return [new FoundObject(obj, type, 0)];
            case JsonObject obj when obj.Count == 1 && obj.First().Key.EndsWith("response", StringComparison.OrdinalIgnoreCase)
                                     && obj.First().Value is JsonObject response:
                return CloudStackArrays(response, 3);
            case JsonObject obj when obj.ContainsKey("count") && obj.Any(p => p.Value is JsonArray):
                return CloudStackArrays(obj, 2);
            case JsonObject obj when obj["data"] is JsonArray data && (obj.ContainsKey("total") || obj.ContainsKey("limit")):
                return Objects(data, KindFromFileName(fileName), 2, useOwnKind: false);
            case JsonArray array when array.Count > 0 && array.All(i => i is JsonObject o && (o.ContainsKey("id") || o.ContainsKey("name"))):
                return Objects(array, KindFromFileName(fileName), 1, useOwnKind: true);
            default:
                return null;
        }
    }

    private static List<FoundObject> CloudStackArrays(JsonObject response, int depth)
    {
        var found = new List<FoundObject>();
        foreach (var (name, value) in response)
        {
            if (value is JsonArray array)
                found.AddRange(Objects(array, name, depth, useOwnKind: false));
        }
        return found;
    }

    private static List<FoundObject> Objects(JsonArray array, string kind, int depth, bool useOwnKind) =>
        array.OfType<JsonObject>()
            .Select(o => new FoundObject(o, useOwnKind && Text(o, "kind") is { } own ? own : kind, depth))
            .ToList();

    private static bool IsKubernetesObject(JsonNode? node) =>
        node is JsonObject o && Text(o, "kind") is not null && (Text(o, "apiVersion") is not null || o["metadata"] is JsonObject);

    public static string? Text(JsonObject obj, string name) =>
        obj[name] is JsonValue value && value.TryGetValue<string>(out var text) && text.Length > 0 ? text : null;

    /// <summary>"climc-host-list.json" → "host"; "servers.json" → "servers"; a command saved under a
    /// sos-style name with its arguments, "server-list_--host_node-07.json" or "host-show_node-07.json",
    /// → "server", "host".</summary>
    public static string KindFromFileName(string fileName)
    {
        var name = Path.GetFileNameWithoutExtension(fileName);
        if (name.StartsWith("climc-", StringComparison.OrdinalIgnoreCase) || name.StartsWith("climc_", StringComparison.OrdinalIgnoreCase))
            name = name[6..];
        if (ClimcCommandWithArguments().Match(name) is { Success: true } command)
            return command.Groups["resource"].Value;
        foreach (var suffix in new[] { "-list", "_list", "-show", "_show" })
        {
            if (name.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
                name = name[..^suffix.Length];
        }
        return name;
    }

    /// <summary>The resource of a climc show command saved under its sos-style name: "host-show_node-07.json",
    /// "climc-host-show.json" → "host"; null for any other file name.</summary>
    public static string? ShowKindFromFileName(string fileName)
    {
        var name = Path.GetFileNameWithoutExtension(fileName);
        if (name.StartsWith("climc-", StringComparison.OrdinalIgnoreCase) || name.StartsWith("climc_", StringComparison.OrdinalIgnoreCase))
            name = name[6..];
        var match = ClimcShowCommand().Match(name);
        return match.Success ? match.Groups["resource"].Value : null;
    }

    [GeneratedRegex("^(?<resource>[A-Za-z0-9]+(?:-[A-Za-z0-9]+)*?)-(?:list|show)_.+$")]
    private static partial Regex ClimcCommandWithArguments();

    [GeneratedRegex("^(?<resource>[A-Za-z0-9]+(?:-[A-Za-z0-9]+)*?)-show(?:_.+)?$")]
    private static partial Regex ClimcShowCommand();
}
