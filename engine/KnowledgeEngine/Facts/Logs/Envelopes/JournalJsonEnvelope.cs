using System.Text.Json;

namespace KnowledgeEngine.Facts.Logs.Envelopes;

/// <summary>journalctl -o json: one object per line, every value a string, MESSAGE holding the body.</summary>
internal sealed class JournalJsonEnvelope : LogEnvelope
{
    public override string Name => "journal-json";
    public override bool LinesAreEvents => true;

    public override bool TryPeel(ReadOnlySpan<char> line, RecordHeader? header, TimeContext time, out ReadOnlySpan<char> body)
    {
        body = default;
        var trimmed = line.TrimStart();
        if (trimmed.IsEmpty || trimmed[0] != '{' || !trimmed.Contains("\"__REALTIME_TIMESTAMP\"", StringComparison.Ordinal))
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
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return false;
            }

            var message = "";
            foreach (var property in root.EnumerateObject())
            {
                var value = property.Value.ValueKind switch
                {
                    JsonValueKind.String => property.Value.GetString() ?? "",
                    // journald writes non-UTF-8 messages as byte arrays.
                    JsonValueKind.Array => DecodeBytes(property.Value),
                    _ => property.Value.GetRawText(),
                };
                switch (property.Name)
                {
                    case "MESSAGE":
                        message = value;
                        break;
                    case "__REALTIME_TIMESTAMP" when long.TryParse(value, out var micros):
                        header.Timestamp = DateTimeOffset.UnixEpoch.AddTicks(micros * 10);
                        break;
                    case "PRIORITY" when int.TryParse(value, out var priority):
                        header.SetLevel(LevelNames.FromSyslogSeverity(priority));
                        break;
                    case "_HOSTNAME":
                        header.Host = value;
                        break;
                    case "SYSLOG_IDENTIFIER":
                        header.Component = value;
                        break;
                    case "_SYSTEMD_UNIT":
                        header.Component ??= value;
                        break;
                }
                if (!property.Name.StartsWith("__", StringComparison.Ordinal) && property.Name != "MESSAGE")
                {
                    header.SetField(property.Name, value);
                }
            }
            body = message.AsSpan();
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static string DecodeBytes(JsonElement array)
    {
        var bytes = new List<byte>();
        foreach (var item in array.EnumerateArray())
        {
            if (item.TryGetByte(out var b))
            {
                bytes.Add(b);
            }
        }
        return System.Text.Encoding.UTF8.GetString(bytes.ToArray());
    }
}
