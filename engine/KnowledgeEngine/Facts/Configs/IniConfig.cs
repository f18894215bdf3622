namespace KnowledgeEngine.Facts.Configs;

/// <summary>INI files: "[section]" headers, "key = value" lines → "section.key".</summary>
internal static class IniConfig
{
    public static void Flatten(string text, Action<string, string, int> sink)
    {
        var section = "";
        var lineNumber = 0;
        foreach (var raw in text.Split('\n'))
        {
            lineNumber++;
            var line = raw.TrimEnd('\r').Trim();
            if (line.Length == 0 || line[0] is '#' or ';')
            {
                continue;
            }

            if (line[0] == '[' && line[^1] == ']')
            {
                section = line[1..^1].Trim();
                continue;
            }
            var separator = line.IndexOfAny(['=', ':']);
            var key = separator < 0 ? line : line[..separator].Trim();
            var value = separator < 0 ? "" : KeyValueConfig.Unquote(line[(separator + 1)..].Trim());
            sink(section.Length == 0 ? key : $"{section}.{key}", value, lineNumber);
        }
    }
}
