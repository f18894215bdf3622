namespace KnowledgeEngine.Facts.Configs;

/// <summary>
/// keepalived.conf is a brace-block grammar: "vrrp_instance inside_network { state BACKUP ... }" becomes
/// "vrrp_instance.inside_network.state" = "BACKUP". Blocks that hold bare lists (addresses, scripts) number their lines.
/// </summary>
internal static class KeepalivedConfig
{
    private static readonly HashSet<string> ListBlocks = new(StringComparer.Ordinal)
    {
        "virtual_ipaddress", "virtual_ipaddress_excluded", "virtual_routes", "virtual_rules", "track_interface",
        "track_script", "unicast_peer", "track_process", "track_file",
    };

    public static void Flatten(string text, Action<string, string, int> sink)
    {
        var blocks = new Stack<(string Path, bool IsList, int Count)>();
        var lineNumber = 0;
        foreach (var raw in text.Split('\n'))
        {
            lineNumber++;
            var line = StripComment(raw.TrimEnd('\r')).Trim();
            while (line.Length > 0)
            {
                if (line[0] == '}')
                {
                    if (blocks.Count > 0)
                    {
                        blocks.Pop();
                    }

                    line = line[1..].Trim();
                    continue;
                }
                var open = line.IndexOf('{');
                var close = line.IndexOf('}');
                var statement = (open >= 0 ? line[..open] : close >= 0 ? line[..close] : line).Trim();
                var parent = blocks.Count > 0 ? blocks.Peek() : ("", false, 0);
                if (open >= 0)
                {
                    var words = statement.Split(' ', 2, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                    var name = words.Length == 0 ? "block" : words.Length == 1 ? words[0] : $"{words[0]}.{words[1]}";
                    blocks.Push((Join(parent.Item1, name), words.Length > 0 && ListBlocks.Contains(words[0]), 0));
                    line = line[(open + 1)..].Trim();
                    continue;
                }
                if (statement.Length > 0)
                {
                    Emit(blocks, parent, statement, lineNumber, sink);
                }

                line = close >= 0 ? line[close..] : "";
            }
        }
    }

    private static void Emit(Stack<(string Path, bool IsList, int Count)> blocks, (string Path, bool IsList, int Count) parent,
        string statement, int lineNumber, Action<string, string, int> sink)
    {
        if (parent.IsList)
        {
            sink($"{parent.Path}[{parent.Count}]", statement, lineNumber);
            blocks.Pop();
            blocks.Push((parent.Path, true, parent.Count + 1));
            return;
        }
        var space = statement.IndexOfAny([' ', '\t']);
        var key = space < 0 ? statement : statement[..space];
        var value = space < 0 ? "" : KeyValueConfig.Unquote(statement[(space + 1)..].Trim());
        sink(Join(parent.Path, key), value, lineNumber);
    }

    private static string Join(string path, string name) => path.Length == 0 ? name : $"{path}.{name}";

    private static string StripComment(string line)
    {
        var inQuotes = false;
        for (var i = 0; i < line.Length; i++)
        {
            if (line[i] == '"')
            {
                inQuotes = !inQuotes;
            }
            else if (!inQuotes && line[i] is '#' or '!')
            {
                return line[..i];
            }
        }
        return line;
    }
}
