using System.Text.Json;

namespace KnowledgeEngine.Facts;

/// <summary>
/// The small path syntax rules use to reach into objects: dots between names, [n] for array items,
/// ['key'] or ["key"] for names that contain dots (labels and annotations do).
/// </summary>
internal static class JsonFieldPath
{
    public static bool TryResolve(JsonElement root, string path, out JsonElement value)
    {
        value = root;
        var i = 0;
        while (i < path.Length)
        {
            if (path[i] == '.')
            {
                i++;
                continue;
            }
            if (path[i] == '[')
            {
                var close = path.IndexOf(']', i);
                if (close < 0)
                {
                    return false;
                }

                var inner = path.AsSpan(i + 1, close - i - 1).Trim();
                i = close + 1;
                if (inner.Length >= 2 && (inner[0] == '\'' || inner[0] == '"') && inner[^1] == inner[0])
                {
                    if (!TryProperty(ref value, inner[1..^1].ToString()))
                    {
                        return false;
                    }

                    continue;
                }
                if (!int.TryParse(inner, out var index) || value.ValueKind != JsonValueKind.Array
                    || index < 0 || index >= value.GetArrayLength())
                {
                    return false;
                }

                value = value[index];
                continue;
            }
            var end = path.IndexOfAny(['.', '['], i);
            if (end < 0)
            {
                end = path.Length;
            }

            if (!TryProperty(ref value, path[i..end]))
            {
                return false;
            }

            i = end;
        }
        return true;
    }

    private static bool TryProperty(ref JsonElement value, string name)
    {
        if (value.ValueKind != JsonValueKind.Object || !value.TryGetProperty(name, out var child))
        {
            return false;
        }

        value = child;
        return true;
    }
}
