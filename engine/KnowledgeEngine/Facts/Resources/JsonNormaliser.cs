using System.Buffers;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace KnowledgeEngine.Facts.Resources;

/// <summary>
/// Undoes what collectors did to values before rules read them: support-bundle-kit writes "null" for empty
/// and null values; CloudStack before 4.19 says MASTER where later versions say PRIMARY.
/// </summary>
/// <remarks>
/// The object is written normalised straight into a compact <see cref="JsonElement"/>; the node is left as it
/// is. Cloning each object of a list, normalising the clone in place and serialising it through a stream
/// took half the time of reading a 120,000-host host-list.json (about 9 s of 18 s) and its peak memory.
/// </remarks>
internal sealed class JsonNormaliser
{
    // Files are read on several threads; each keeps one writer and its buffer for all its objects.
    [ThreadStatic] private static JsonNormaliser? _forThisThread;

    private readonly ArrayBufferWriter<byte> _buffer = new(4096);
    private readonly Utf8JsonWriter _writer;

    private JsonNormaliser() => _writer = new Utf8JsonWriter(_buffer, new JsonWriterOptions { SkipValidation = true });

    /// <summary>The node as an element of its own, with collectors' artefacts undone.</summary>
    public static JsonElement ToElement(JsonNode? node)
    {
        var normaliser = _forThisThread ??= new JsonNormaliser();
        normaliser.Start();
        normaliser.Write(node, null);
        return normaliser.Finish();
    }

    /// <summary>The element (part of a larger document) as an element of its own, with collectors' artefacts undone.</summary>
    public static JsonElement ToElement(JsonElement element)
    {
        var normaliser = _forThisThread ??= new JsonNormaliser();
        normaliser.Start();
        normaliser.Write(element, null);
        return normaliser.Finish();
    }

    private void Start()
    {
        _buffer.ResetWrittenCount();
        _writer.Reset(_buffer);
    }

    private JsonElement Finish()
    {
        _writer.Flush();
        using var document = JsonDocument.Parse(_buffer.WrittenMemory);
        return document.RootElement.Clone();
    }

    private void Write(JsonElement element, string? name)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                _writer.WriteStartObject();
                foreach (var property in element.EnumerateObject())
                {
                    _writer.WritePropertyName(property.Name);
                    Write(property.Value, property.NameEquals("redundantstate") ? "redundantstate" : null);
                }
                _writer.WriteEndObject();
                break;
            case JsonValueKind.Array:
                _writer.WriteStartArray();
                foreach (var item in element.EnumerateArray())
                {
                    Write(item, null);
                }

                _writer.WriteEndArray();
                break;
            case JsonValueKind.String when element.ValueEquals("null"):
                _writer.WriteNullValue();
                break;
            case JsonValueKind.String when name is not null:
                _writer.WriteStringValue(Logs.Bodies.RedundantState.Normalise(element.GetString()!));
                break;
            default:
                element.WriteTo(_writer);
                break;
        }
    }

    private void Write(JsonNode? node, string? name)
    {
        switch (node)
        {
            case JsonObject obj:
                _writer.WriteStartObject();
                foreach (var (key, child) in obj)
                {
                    _writer.WritePropertyName(key);
                    Write(child, key);
                }
                _writer.WriteEndObject();
                break;
            case JsonArray array:
                _writer.WriteStartArray();
                foreach (var item in array)
                {
                    Write(item, null);
                }

                _writer.WriteEndArray();
                break;
            case JsonValue value when value.GetValueKind() == JsonValueKind.String:
                var text = value.GetValue<string>();
                if (text == "null")
                {
                    _writer.WriteNullValue();
                }
                else
                {
                    _writer.WriteStringValue(name == "redundantstate" ? Logs.Bodies.RedundantState.Normalise(text) : text);
                }

                break;
            case null:
                _writer.WriteNullValue();
                break;
            default:
                node.WriteTo(_writer);
                break;
        }
    }
}
