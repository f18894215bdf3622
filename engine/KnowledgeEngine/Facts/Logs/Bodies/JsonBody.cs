using System.Text.Json;

namespace KnowledgeEngine.Facts.Logs.Bodies;

/// <summary>JSON lines (zap, etcd, klog -json, bunyan...): message under msg/message/log, level under level/severity.</summary>
internal sealed class JsonBody : LogBody
{
    public override string Name => "json";

    public override bool TryParse(ReadOnlySpan<char> body, RecordHeader? header, TimeContext time, out ReadOnlySpan<char> message)
    {
        message = body;
        var trimmed = body.Trim();
        if (trimmed.Length < 2 || trimmed[0] != '{' || trimmed[^1] != '}')
        {
            return false;
        }

        if (header is null)
        {
            return true;
        }

        try
        {
            using var document = JsonDocument.Parse(trimmed.ToString());
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return false;
            }

            string? text = null;
            foreach (var property in document.RootElement.EnumerateObject())
            {
                var value = property.Value;
                var asText = FieldText(value);
                switch (property.Name)
                {
                    case "msg" or "message" or "log" or "MESSAGE":
                        text ??= asText;
                        break;
                    case "level" or "severity" or "lvl" or "levelname":
                        header.SetLevel(asText);
                        break;
                    case "ts" or "time" or "timestamp" or "@timestamp":
                        header.Timestamp = value.ValueKind == JsonValueKind.Number
                            ? TimeParser.FromEpoch(value.GetDouble())
                            : TimeParser.TryIso(asText, time, out var parsed, out _) ? parsed : header.Timestamp;
                        break;
                    case "logger" or "component" or "caller" when header.Component is null || property.Name != "caller":
                        header.Component = asText;
                        break;
                }
                header.SetField(property.Name, asText);
            }
            if (text is not null)
            {
                message = text.AsSpan();
            }

            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>
    /// A member as a field value: strings unquoted, numbers and literals as written, lists and objects as
    /// compact JSON. Compact, because zap's console encoder writes them with spaces (<c>["1.1.1.1", "8.8.8.8"]</c>)
    /// and its JSON encoder without: a field must read the same in either rendering.
    /// </summary>
    public static string FieldText(JsonElement value)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.String:
                return value.GetString() ?? "";
            case JsonValueKind.Array or JsonValueKind.Object:
                var buffer = new System.Buffers.ArrayBufferWriter<byte>();
                using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
                {
                    value.WriteTo(writer);
                }

                return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
            default:
                return value.GetRawText();
        }
    }

    /// <summary>Copies a flat JSON object's members into the header's fields (zap console bags).</summary>
    public static void CopyFields(ReadOnlySpan<char> json, RecordHeader header)
    {
        if (TryCopyFields(json.ToString(), header) || !json.Contains(@"\x5c", StringComparison.Ordinal))
        {
            return;
        }
        // The kernel's log (dmesg, a Talos console) writes a backslash as "\x5c", which leaves the JSON
        // escapes of the bag broken (\x5c" where \" was written); undone, the bag reads again (siderolabs/talos#6736).
        TryCopyFields(json.ToString().Replace(@"\x5c", @"\", StringComparison.Ordinal), header);
    }

    private static bool TryCopyFields(string json, RecordHeader header)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return false;
            }

            foreach (var property in document.RootElement.EnumerateObject())
            {
                header.SetField(property.Name, FieldText(property.Value));
            }

            return true;
        }
        catch (JsonException)
        {
            // A brace at the end of a message that is not a field bag; the message keeps it.
            return false;
        }
    }
}
