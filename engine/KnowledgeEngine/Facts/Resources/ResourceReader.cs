using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using KnowledgeEngine.Facts.Documents;

namespace KnowledgeEngine.Facts.Resources;

/// <summary>Reads JSON and YAML documents into resource facts; null when the file holds no API objects.</summary>
internal static class ResourceReader
{
    public static List<ResourceFact>? Read(string source, string text, ReadNotes notes)
    {
        var trimmed = text.AsSpan().TrimStart();
        if (trimmed.IsEmpty)
        {
            return null;
        }

        return trimmed[0] is '{' || (trimmed[0] == '[' && !StartsWithElision(trimmed)) ? ReadJson(source, text, notes) : ReadYaml(source, text, notes);
    }

    private static bool StartsWithElision(ReadOnlySpan<char> text) =>
        text.StartsWith("[...]", StringComparison.Ordinal) || text.StartsWith("[…]", StringComparison.Ordinal);

    /// <summary>
    /// The output of a climc show command ("host-show_node-07.json"): one object, not a list. Its keys
    /// stay config facts; this adds the object as one resource of the kind the file name tells, so
    /// rules match a shown host and a listed host alike. Null for any other file or shape.
    /// </summary>
    public static ResourceFact? ReadClimcShow(string source, string text)
    {
        if (ResourceShapes.ShowKindFromFileName(source) is not { } kind)
        {
            return null;
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text, new JsonDocumentOptions { AllowTrailingCommas = true, AllowDuplicateProperties = false });
        }
        catch (JsonException)
        {
            return null;
        }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || ResourceShapes.Text(root, "id") is null
                || ResourceShapes.Find(root, source, new ReadNotes(source), 1) is not null)
            {
                return null;
            }

            return Fact(source, new FoundObject(root, kind, 0), 1);
        }
    }

    private static List<ResourceFact>? ReadJson(string source, string text, ReadNotes notes)
    {
        if (JsonReader.Read(text, notes) is not var (document, read))
        {
            return null;
        }

        using (document)
        {
            var found = ResourceShapes.Find(document.RootElement, source, notes, 1);
            if (found is null)
            {
                return null;
            }

            var lines = ObjectLines(read, found.Count == 0 ? 0 : found[0].Depth);
            var facts = new List<ResourceFact>(found.Count);
            for (var i = 0; i < found.Count; i++)
            {
                facts.Add(Fact(source, found[i], i < lines.Count ? lines[i] : 1));
            }

            return facts;
        }
    }

    private static List<ResourceFact>? ReadYaml(string source, string text, ReadNotes notes)
    {
        if (YamlReader.Read(text, notes) is not { } documents)
        {
            return null;
        }

        var facts = new List<ResourceFact>();
        foreach (var (node, line, _) in documents)
        {
            using var document = JsonReader.ToDocument(node);
            var found = ResourceShapes.Find(document.RootElement, source, notes, line);
            if (found is null)
            {
                continue;
            }

            foreach (var item in found)
            {
                facts.Add(Fact(source, item, line));
            }
        }
        if (facts.Count == 0)
        {
            return null;
        }

        if (documents.Count == 1 && (facts.Count > 1 || documents[0].Root is JsonArray || documents[0].Root?["items"] is JsonArray))
        {
            AssignYamlItemLines(text, facts, documents[0].Root is JsonArray);
        }

        return facts;
    }

    /// <summary>List items start at "- " under "items:"; good enough to point at the right object.</summary>
    private static void AssignYamlItemLines(string text, List<ResourceFact> facts, bool bareSequence)
    {
        var starts = new List<int>();
        var lineNumber = 0;
        var inItems = bareSequence;
        int? itemIndent = null;
        foreach (var line in text.Split('\n'))
        {
            lineNumber++;
            if (!inItems)
            {
                inItems = line.TrimEnd() == "items:";
                continue;
            }
            var indent = line.Length - line.TrimStart(' ').Length;
            if (line.TrimStart(' ').StartsWith("- ", StringComparison.Ordinal) && (itemIndent is null || indent == itemIndent))
            {
                itemIndent = indent;
                starts.Add(lineNumber);
            }
        }
        // A list cut mid-item keeps fewer items than it starts: the kept ones are the first.
        if (starts.Count < facts.Count)
        {
            return;
        }

        for (var i = 0; i < facts.Count; i++)
        {
            facts[i] = facts[i] with { Line = starts[i] };
        }
    }

    private static ResourceFact Fact(string source, FoundObject found, int line)
    {
        var obj = found.Object;
        var meta = ResourceShapes.Property(obj, "metadata") is { ValueKind: JsonValueKind.Object } m ? m : (JsonElement?)null;
        return new ResourceFact
        {
            Source = source,
            Line = line,
            ResourceKind = found.Kind,
            Name = (meta is { } named ? ResourceShapes.Text(named, "name") ?? ResourceShapes.Text(named, "id") : null)
                   ?? ResourceShapes.Text(obj, "name") ?? ResourceShapes.Text(obj, "id"),
            Namespace = meta is { } spaced && ResourceShapes.Text(spaced, "namespace") is { } ns && ns != "null" ? ns : null,
            ApiVersion = ResourceShapes.Text(obj, "apiVersion"),
            Object = JsonNormaliser.ToElement(obj),
        };
    }

    /// <summary>Lines of the objects at <paramref name="depth"/>, in document order (the order the shapes list them).</summary>
    private static List<int> ObjectLines(byte[] bytes, int depth)
    {
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip, MaxDepth = 1 << 20 });
        var lines = new List<int>();
        var line = 1;
        long counted = 0;
        while (reader.Read())
        {
            if (reader.TokenType != JsonTokenType.StartObject || reader.CurrentDepth != depth)
            {
                continue;
            }

            var offset = reader.TokenStartIndex;
            line += bytes.AsSpan((int)counted, (int)(offset - counted)).Count((byte)'\n');
            counted = offset;
            lines.Add(line);
        }
        return lines;
    }
}
