using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace KnowledgeEngine.Facts.Configs;

/// <summary>YAML settings → "a.b", "list[0]" key paths with the line of each value.</summary>
internal static class YamlConfig
{
    public static bool Flatten(string text, Action<string, string, int> sink)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (Exception e) when (e is YamlException or InvalidOperationException or ArgumentException) // the others: YamlDotNet on mangled bytes
        {
            return false;
        }
        foreach (var document in stream.Documents)
            Walk(document.RootNode, "", sink);
        return true;
    }

    private static void Walk(YamlNode node, string path, Action<string, string, int> sink)
    {
        switch (node)
        {
            case YamlMappingNode map:
                if (map.Children.Count == 0 && path.Length > 0)
                    sink(path, "", (int)map.Start.Line);
                foreach (var (key, child) in map.Children)
                {
                    var name = key is YamlScalarNode s ? s.Value ?? "" : key.ToString();
                    Walk(child, path.Length == 0 ? name : $"{path}.{name}", sink);
                }
                break;
            case YamlSequenceNode sequence:
                if (sequence.Children.Count == 0)
                    sink(path, "", (int)sequence.Start.Line);
                for (var i = 0; i < sequence.Children.Count; i++)
                    Walk(sequence.Children[i], $"{path}[{i}]", sink);
                break;
            case YamlScalarNode scalar:
                var value = scalar.Value ?? "";
                sink(path.Length == 0 ? "value" : path, value == "null" && scalar.Style != ScalarStyle.Plain ? "" : value, (int)scalar.Start.Line);
                break;
        }
    }
}
