using System.Text.Json;
using System.Text.RegularExpressions;
using KnowledgeEngine.Facts.Documents;

namespace KnowledgeEngine.Facts.Resources;

/// <summary>An object found in a document, with the kind its container implies.</summary>
internal sealed record FoundObject(JsonElement Object, string Kind, int Depth);

/// <summary>
/// Recognises the document shapes API tools write and lists the objects in them:
/// Kubernetes objects and Lists, Talos resources, CloudStack responses (raw or cmk), climc lists.
/// </summary>
/// <remarks>It reads <see cref="JsonElement"/>s, not nodes: a node tree of a 120 MB host list held 1.3 GB.</remarks>
internal static partial class ResourceShapes
{
    public static List<FoundObject>? Find(JsonElement root, string fileName, ReadNotes notes, int line)
    {
        if (root.ValueKind == JsonValueKind.Array)
        {
            if (root.GetArrayLength() == 0)
            {
                return null;
            }

            if (All(root, IsKubernetesObject))
            {
                return Objects(root, "List", 1, useOwnKind: true); // objects cut out of a List and pasted as a bare sequence
            }

            if (All(root, i => i.ValueKind == JsonValueKind.Object && (Has(i, "id") || Has(i, "name"))))
            {
                return Objects(root, KindFromFileName(fileName), 1, useOwnKind: true);
            }

            return null;
        }
        if (root.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        var items = Property(root, "items") is { ValueKind: JsonValueKind.Array } i ? i : (JsonElement?)null;
        if (Text(root, "kind") is { } kind && items is { } listed)
        {
            var itemKind = kind.EndsWith("List", StringComparison.Ordinal) && kind.Length > 4 ? kind[..^4] : kind;
            return Objects(listed, itemKind, 2, useOwnKind: true);
        }
        if (!Has(root, "kind") && items is { } bare && bare.GetArrayLength() > 0 && All(bare, IsKubernetesObject))
        {
            // kubectl writes "kind: List" after the items: a List without it is the head of a longer paste.
            notes.Warn(line, "a List without its 'kind' line (kubectl writes it after the items): the text was probably cut; " +
                             "its items were read, the last one may be incomplete.");
            return Objects(bare, "List", 2, useOwnKind: true);
        }
        if (Text(root, "kind") is { } own && Text(root, "apiVersion") is not null)
        {
            return [new FoundObject(root, own, 0)];
        }

        if (Property(root, "metadata") is { ValueKind: JsonValueKind.Object } meta && Text(meta, "type") is { } type && Has(root, "spec"))
        {
            return [new FoundObject(root, type, 0)];
        }

        if (Single(root) is { } only && only.Name.EndsWith("response", StringComparison.OrdinalIgnoreCase)
            && only.Value.ValueKind == JsonValueKind.Object)
        {
            return CloudStackArrays(only.Value, 3);
        }

        if (Has(root, "count") && root.EnumerateObject().Any(p => p.Value.ValueKind == JsonValueKind.Array))
        {
            return CloudStackArrays(root, 2);
        }

        if (Property(root, "data") is { ValueKind: JsonValueKind.Array } data && (Has(root, "total") || Has(root, "limit")))
        {
            return Objects(data, KindFromFileName(fileName), 2, useOwnKind: false);
        }

        return null;
    }

    private static List<FoundObject> CloudStackArrays(JsonElement response, int depth)
    {
        var found = new List<FoundObject>();
        foreach (var property in response.EnumerateObject())
        {
            if (property.Value.ValueKind == JsonValueKind.Array)
            {
                found.AddRange(Objects(property.Value, property.Name, depth, useOwnKind: false));
            }
        }
        return found;
    }

    private static List<FoundObject> Objects(JsonElement array, string kind, int depth, bool useOwnKind)
    {
        var found = new List<FoundObject>(array.GetArrayLength());
        foreach (var item in array.EnumerateArray())
        {
            if (item.ValueKind == JsonValueKind.Object)
            {
                found.Add(new FoundObject(item, useOwnKind && Text(item, "kind") is { } own ? own : kind, depth));
            }
        }
        return found;
    }

    private static bool All(JsonElement array, Func<JsonElement, bool> test)
    {
        foreach (var item in array.EnumerateArray())
        {
            if (!test(item))
            {
                return false;
            }
        }
        return true;
    }

    private static bool IsKubernetesObject(JsonElement item) =>
        item.ValueKind == JsonValueKind.Object && Text(item, "kind") is not null
        && (Text(item, "apiVersion") is not null || Property(item, "metadata") is { ValueKind: JsonValueKind.Object });

    /// <summary>The only property of an object; null when it has none or several.</summary>
    private static JsonProperty? Single(JsonElement obj)
    {
        JsonProperty? only = null;
        foreach (var property in obj.EnumerateObject())
        {
            if (only is not null)
            {
                return null;
            }

            only = property;
        }
        return only;
    }

    public static bool Has(JsonElement obj, string name) => obj.ValueKind == JsonValueKind.Object && obj.TryGetProperty(name, out _);

    public static JsonElement? Property(JsonElement obj, string name) =>
        obj.ValueKind == JsonValueKind.Object && obj.TryGetProperty(name, out var value) ? value : null;

    public static string? Text(JsonElement obj, string name) =>
        Property(obj, name) is { ValueKind: JsonValueKind.String } value && value.GetString() is { Length: > 0 } text ? text : null;

    /// <summary>"climc-host-list.json" → "host"; "servers.json" → "servers"; a command saved under a
    /// sos-style name with its arguments, "server-list_--host_node-07.json" or "host-show_node-07.json",
    /// → "server", "host".</summary>
    public static string KindFromFileName(string fileName)
    {
        var name = Path.GetFileNameWithoutExtension(fileName);
        if (name.StartsWith("climc-", StringComparison.OrdinalIgnoreCase) || name.StartsWith("climc_", StringComparison.OrdinalIgnoreCase))
        {
            name = name[6..];
        }

        if (ClimcCommandWithArguments().Match(name) is { Success: true } command)
        {
            return command.Groups["resource"].Value;
        }

        foreach (var suffix in new[] { "-list", "_list", "-show", "_show" })
        {
            if (name.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
            {
                name = name[..^suffix.Length];
            }
        }
        return name;
    }

    /// <summary>The resource of a climc show command saved under its sos-style name: "host-show_node-07.json",
    /// "climc-host-show.json" → "host"; null for any other file name.</summary>
    public static string? ShowKindFromFileName(string fileName)
    {
        var name = Path.GetFileNameWithoutExtension(fileName);
        if (name.StartsWith("climc-", StringComparison.OrdinalIgnoreCase) || name.StartsWith("climc_", StringComparison.OrdinalIgnoreCase))
        {
            name = name[6..];
        }

        var match = ClimcShowCommand().Match(name);
        return match.Success ? match.Groups["resource"].Value : null;
    }

    [GeneratedRegex("^(?<resource>[A-Za-z0-9]+(?:-[A-Za-z0-9]+)*?)-(?:list|show)_.+$")]
    private static partial Regex ClimcCommandWithArguments();

    [GeneratedRegex("^(?<resource>[A-Za-z0-9]+(?:-[A-Za-z0-9]+)*?)-show(?:_.+)?$")]
    private static partial Regex ClimcShowCommand();
}
