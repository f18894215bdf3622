using System.Text.Json;

namespace KnowledgeEngine.Facts;

/// <summary>Writes facts as JSON lines, one object per fact, "kind" first; the shape is documented in docs/facts.md.</summary>
public static class FactJsonWriter
{
    public static void Write(Utf8JsonWriter writer, Fact fact)
    {
        writer.WriteStartObject();
        writer.WriteString("kind", fact.Kind);
        writer.WriteString("source", fact.Source);
        if (fact.Line > 0)
        {
            writer.WriteNumber("line", fact.Line);
        }

        switch (fact)
        {
            case LogFact log:
                writer.WriteString("format", log.Format);
                WriteOptional(writer, "timestamp", log.Timestamp?.ToString("O"));
                WriteOptional(writer, "level", log.Level);
                WriteOptional(writer, "component", log.Component);
                WriteOptional(writer, "host", log.Host);
                WriteOptional(writer, "sourceNamespace", log.SourceNamespace);
                WriteOptional(writer, "sourcePod", log.SourcePod);
                WriteOptional(writer, "sourceContainer", log.SourceContainer);
                writer.WriteString("message", log.Message);
                if (log.Text != log.Message)
                {
                    writer.WriteString("text", log.Text);
                }

                if (log.Fields.Count > 0)
                {
                    writer.WriteStartObject("fields");
                    foreach (var (key, value) in log.Fields)
                    {
                        writer.WriteString(key, value);
                    }

                    writer.WriteEndObject();
                }
                if (log.Matched.Count > 0)
                {
                    writer.WriteStartArray("matched");
                    foreach (var id in log.Matched)
                    {
                        writer.WriteStringValue(id);
                    }

                    writer.WriteEndArray();
                }
                // Only a collapsed record says so, in the camelCase of the other fields.
                if (log.Repeats > 1)
                {
                    writer.WriteNumber("repeats", log.Repeats);
                    writer.WriteNumber("lastLine", log.LastLine);
                    WriteOptional(writer, "lastTimestamp", log.LastTimestamp?.ToString("O"));
                }
                break;
            case ResourceFact resource:
                writer.WriteString("resourceKind", resource.ResourceKind);
                WriteOptional(writer, "name", resource.Name);
                WriteOptional(writer, "namespace", resource.Namespace);
                WriteOptional(writer, "apiVersion", resource.ApiVersion);
                writer.WritePropertyName("object");
                resource.Object.WriteTo(writer);
                break;
            case ConfigFact config:
                writer.WriteString("key", config.Key);
                writer.WriteString("value", config.Value);
                break;
            case FileFact file:
                writer.WriteNumber("size", file.Size);
                writer.WriteBoolean("binary", file.IsBinary);
                writer.WriteBoolean("collected", file.Collected);
                break;
            case BundleFact bundle:
                writer.WriteString("layout", bundle.Layout);
                WriteOptional(writer, "platform", bundle.Platform);
                writer.WriteStartArray("hosts");
                foreach (var host in bundle.Hosts)
                {
                    writer.WriteStringValue(host);
                }

                writer.WriteEndArray();
                WriteOptional(writer, "collectedAt", bundle.CollectedAt?.ToString("O"));
                writer.WriteString("timeZone", (bundle.TimeZone < TimeSpan.Zero ? "-" : "+") + bundle.TimeZone.ToString("hh\\:mm"));
                break;
        }
        writer.WriteEndObject();
    }

    private static void WriteOptional(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is not null)
        {
            writer.WriteString(name, value);
        }
    }
}
