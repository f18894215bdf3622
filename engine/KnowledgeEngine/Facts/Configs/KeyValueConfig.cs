namespace KnowledgeEngine.Facts.Configs;

/// <summary>
/// sysconfig, os-release, .env, properties, and "KEY&lt;tabs&gt;value" blocks (Talos .state files):
/// one setting a line, quotes removed, comments skipped. A line with no separator is kept whole under its line number.
/// </summary>
internal static class KeyValueConfig
{
    public static void Flatten(string text, Action<string, string, int> sink)
    {
        var lineNumber = 0;
        foreach (var raw in text.Split('\n'))
        {
            lineNumber++;
            var line = raw.TrimEnd('\r').Trim();
            if (line.Length == 0 || line[0] is '#' or ';' or '!')
            {
                continue;
            }

            if (line.StartsWith("export ", StringComparison.Ordinal))
            {
                line = line[7..].TrimStart();
            }

            var separator = line.IndexOfAny(['=', ':', '\t']);
            if (separator < 0 && line.IndexOf("  ", StringComparison.Ordinal) is var gap and > 0)
            {
                separator = gap;
            }

            if (separator <= 0)
            {
                sink($"line{lineNumber}", line, lineNumber);
                continue;
            }
            var key = line[..separator].Trim();
            var value = Unquote(line[(separator + 1)..].Trim());
            sink(key, value, lineNumber);
        }
    }

    public static string Unquote(string value) =>
        value.Length >= 2 && (value[0] == '"' || value[0] == '\'') && value[^1] == value[0] ? value[1..^1] : value;
}
