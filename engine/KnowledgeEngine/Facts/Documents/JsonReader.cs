using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace KnowledgeEngine.Facts.Documents;

/// <summary>
/// Parses a JSON document and repairs what pastes and cut copies do to it: a document cut in the middle
/// keeps every object that was complete before the cut (its open brackets are closed after the last
/// complete list item); text after the value (a shell prompt) is dropped; a document nested too deep is
/// read through the depth-bounded YAML reader. Every repair is noted. Never throws for any input.
/// </summary>
internal static class JsonReader
{
    private static readonly JsonDocumentOptions Options = new() { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip, AllowDuplicateProperties = false };
    // A repeated key is refused at parse time: JsonObject would otherwise throw ArgumentException on first access (found by fuzzing).

    /// <summary>The root value and the UTF-8 bytes of the (possibly repaired) text it was read from; null
    /// when no JSON value could be recovered at all. The caller disposes the document.</summary>
    /// <remarks>The document is parsed over the returned bytes, not a copy of them, so that the caller can
    /// walk the same bytes again (a 120 MB list would otherwise be held twice).</remarks>
    public static (JsonDocument Root, byte[] Utf8)? Read(string text, ReadNotes notes)
    {
        text = Elisions.Blank(text, notes);
        var utf8 = Encoding.UTF8.GetBytes(text);
        try
        {
            return (JsonDocument.Parse(utf8, Options), utf8);
        }
        catch (JsonException)
        {
        }
        var walk = Walk(utf8);
        if (walk.ErrorLine is null)
        {
            return ThroughYaml(text, notes);
        }

        if (walk.SafeEnd is not { } end)
        {
            notes.Warn(walk.ErrorLine, $"not valid JSON ({walk.Reason}) and no complete object comes before it; read as text lines instead.");
            return null;
        }
        var repaired = text[..end] + walk.Closing;
        try
        {
            var repairedUtf8 = Encoding.UTF8.GetBytes(repaired);
            var root = JsonDocument.Parse(repairedUtf8, Options);
            notes.Warn(walk.ErrorLine, walk.Closing.Length == 0
                ? $"text after the JSON value is not JSON ({walk.Reason}); it was ignored."
                : $"the JSON breaks off here ({walk.Reason}); what was complete before it (up to the last whole list item) was kept, the rest is lost.");
            return (root, repairedUtf8);
        }
        catch (JsonException)
        {
            return ThroughYaml(repaired, notes);
        }
    }

    /// <summary>Valid JSON the parser refused for its depth: JSON is YAML, and the YAML reader cuts depth.</summary>
    private static (JsonDocument Root, byte[] Utf8)? ThroughYaml(string text, ReadNotes notes)
    {
        var documents = YamlReader.Read(text, notes);
        return documents is { Count: 1 } ? (ToDocument(documents[0].Root), Encoding.UTF8.GetBytes(text)) : null;
    }

    /// <summary>A node tree (what the YAML reader builds) as a document: written out and parsed again. The serializer's
    /// <c>SerializeToDocument</c> did the same, but its first call builds the reflection-based type metadata, 35 ms of a
    /// traced README example's 37 ms reading its one YAML resource file.</summary>
    public static JsonDocument ToDocument(JsonNode? node)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            if (node is null)
            {
                writer.WriteNullValue();
            }
            else
            {
                node.WriteTo(writer);
            }
        }

        return JsonDocument.Parse(buffer.WrittenMemory);
    }

    private sealed record WalkResult(int? ErrorLine, string Reason, int? SafeEnd, string Closing);

    /// <summary>Walks the tokens until the first error, remembering the last point where a list item (or
    /// the root value) was complete and which brackets were open there.</summary>
    private static WalkResult Walk(byte[] bytes)
    {
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions
        {
            AllowTrailingCommas = true,
            CommentHandling = JsonCommentHandling.Skip,
            MaxDepth = 1 << 20,
        });
        var open = new List<bool>(); // true: array
        int? safeBytes = null;
        var closing = "";
        try
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.StartArray:
                        open.Add(true);
                        break;
                    case JsonTokenType.StartObject:
                        open.Add(false);
                        break;
                    case JsonTokenType.EndArray or JsonTokenType.EndObject:
                        open.RemoveAt(open.Count - 1);
                        if (reader.TokenType == JsonTokenType.EndObject && (open.Count == 0 || open[^1]))
                        {
                            safeBytes = (int)reader.BytesConsumed;
                            closing = Close(open);
                        }
                        else if (open.Count == 0)
                        {
                            safeBytes = (int)reader.BytesConsumed;
                            closing = "";
                        }
                        break;
                }
            }
            return new WalkResult(null, "", null, "");
        }
        catch (JsonException ex)
        {
            var errorLine = (int)(ex.LineNumber ?? 0) + 1;
            var reason = ex.Message.Split(" LineNumber", 2)[0].TrimEnd('.', ' ');
            int? safeEnd = safeBytes is { } b ? Encoding.UTF8.GetCharCount(bytes, 0, b) : null;
            return new WalkResult(errorLine, reason, safeEnd, closing);
        }
    }

    private static string Close(List<bool> open)
    {
        var builder = new StringBuilder();
        for (var i = open.Count - 1; i >= 0; i--)
        {
            builder.Append(open[i] ? ']' : '}');
        }

        return builder.ToString();
    }
}
