using System.Text;
using System.Text.Json;

namespace KnowledgeEngine.Facts.Configs;

/// <summary>JSON settings → key paths, streamed with the line of each value.</summary>
internal static class JsonConfig
{
    public static bool Flatten(byte[] bytes, Action<string, string, int> sink)
    {
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        var path = new List<(string Name, int Index)>();
        var pending = new List<(string Key, string Value, int Line)>();
        string? property = null;
        var line = 1;
        long counted = 0;
        try
        {
            while (reader.Read())
            {
                var offset = reader.TokenStartIndex;
                line += bytes.AsSpan((int)counted, (int)(offset - counted)).Count((byte)'\n');
                counted = offset;
                switch (reader.TokenType)
                {
                    case JsonTokenType.PropertyName:
                        property = reader.GetString();
                        break;
                    case JsonTokenType.StartObject or JsonTokenType.StartArray:
                        path.Add((Step(path, property), reader.TokenType == JsonTokenType.StartArray ? 0 : -1));
                        property = null;
                        break;
                    case JsonTokenType.EndObject or JsonTokenType.EndArray:
                        path.RemoveAt(path.Count - 1);
                        Advance(path);
                        break;
                    default:
                        var value = reader.TokenType switch
                        {
                            JsonTokenType.String => reader.GetString() ?? "",
                            JsonTokenType.Null => "",
                            _ => Encoding.UTF8.GetString(reader.ValueSpan),
                        };
                        pending.Add((Join(path, Step(path, property)), value, line));
                        property = null;
                        Advance(path);
                        break;
                }
            }
        }
        catch (JsonException)
        {
            return false;
        }
        foreach (var (key, value, at) in pending)
        {
            sink(key, value, at);
        }

        return true;
    }

    /// <summary>The name of the next step: a property name inside objects, "[n]" inside arrays.</summary>
    private static string Step(List<(string Name, int Index)> path, string? property) =>
        path.Count > 0 && path[^1].Index >= 0 ? $"[{path[^1].Index}]" : property ?? "";

    private static void Advance(List<(string Name, int Index)> path)
    {
        if (path.Count > 0 && path[^1].Index >= 0)
        {
            path[^1] = (path[^1].Name, path[^1].Index + 1);
        }
    }

    private static string Join(List<(string Name, int Index)> path, string last)
    {
        var builder = new StringBuilder();
        foreach (var (name, _) in path.Skip(1).Append((last, -1)))
        {
            if (builder.Length > 0 && !name.StartsWith('['))
            {
                builder.Append('.');
            }

            builder.Append(name);
        }
        return builder.ToString();
    }
}
