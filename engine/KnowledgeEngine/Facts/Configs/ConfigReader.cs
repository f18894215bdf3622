using KnowledgeEngine.Facts.Documents;

namespace KnowledgeEngine.Facts.Configs;

/// <summary>Picks the grammar of a configuration file from its name and first lines, and flattens it to key paths.</summary>
internal static class ConfigReader
{
    public static List<ConfigFact> Read(string source, string text, ReadNotes? notes = null)
    {
        notes ??= new ReadNotes(source);
        var name = source[(source.LastIndexOf('/') + 1)..];
        var facts = new List<ConfigFact>();
        var sink = (string key, string value, int line) => facts.Add(new ConfigFact { Source = source, Key = key, Value = value, Line = line });
        switch (Detect(name, text))
        {
            case ConfigGrammar.Keepalived:
                KeepalivedConfig.Flatten(text, sink);
                break;
            case ConfigGrammar.Json:
                var read = JsonReader.Read(text, notes);
                read?.Root.Dispose(); // only the (repaired) text is flattened
                if (read is not var (_, json) || !JsonConfig.Flatten(json, sink))
                {
                    LineWise(text, sink, notes, "JSON");
                }

                break;
            case ConfigGrammar.Yaml:
                var damaged = notes.DamagedDocuments;
                if (!YamlConfig.Flatten(text, sink, notes))
                {
                    LineWise(text, sink, notes, "YAML");
                }
                else if (notes.DamagedDocuments > damaged)
                {
                    Remainder(text, facts, sink);
                }

                break;
            case ConfigGrammar.Ini:
                IniConfig.Flatten(text, sink);
                break;
            default:
                KeyValueConfig.Flatten(text, sink);
                break;
        }
        return facts;
    }

    /// <summary>A damaged YAML document keeps its part before the damage; the lines it could not place
    /// (after the damage, or inside a cut-back list item) are still read as 'key: value' lines, so a
    /// key a rule looks for is not lost with the document's structure.</summary>
    private static void Remainder(string text, List<ConfigFact> facts, Action<string, string, int> sink)
    {
        var read = facts.Select(f => f.Line).ToHashSet();
        KeyValueConfig.Flatten(text, (key, value, line) =>
        {
            if (!read.Contains(line))
            {
                sink(key, value, line);
            }
        });
    }

    /// <summary>The last resort for a document that is not what its name or first line promised.</summary>
    private static void LineWise(string text, Action<string, string, int> sink, ReadNotes notes, string grammar)
    {
        notes.Warn(null, $"nothing in it could be read as {grammar}; it was read as 'key: value' / 'key=value' lines instead.");
        KeyValueConfig.Flatten(text, sink);
    }

    internal static ConfigGrammar Detect(string name, string text)
    {
        if (name.Contains("keepalived", StringComparison.OrdinalIgnoreCase) || text.Contains("vrrp_instance", StringComparison.Ordinal))
        {
            return ConfigGrammar.Keepalived;
        }

        var first = FirstSignificantLine(text);
        if (first.StartsWith('{') || first.StartsWith('['))
        {
            return first.StartsWith('[') && first.EndsWith(']') && !first.Contains(',') && !first.Contains('"') ? ConfigGrammar.Ini : ConfigGrammar.Json;
        }

        if (name.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".yml", StringComparison.OrdinalIgnoreCase))
        {
            return ConfigGrammar.Yaml;
        }

        if (name.EndsWith(".ini", StringComparison.OrdinalIgnoreCase))
        {
            return ConfigGrammar.Ini;
        }

        if (first.Contains('=') && !LooksLikeYamlKey(first))
        {
            return ConfigGrammar.KeyValue;
        }

        if (LooksLikeYamlKey(first) || first.StartsWith("- ", StringComparison.Ordinal) || first == "---")
        {
            return ConfigGrammar.Yaml;
        }

        return ConfigGrammar.KeyValue;
    }

    private static bool LooksLikeYamlKey(string line)
    {
        var colon = line.IndexOf(':');
        var equals = line.IndexOf('=');
        return colon > 0 && (colon + 1 == line.Length || line[colon + 1] == ' ') && (equals < 0 || colon < equals)
               && !line[..colon].Contains(' ');
    }

    private static string FirstSignificantLine(string text)
    {
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length > 0 && !line.StartsWith('#') && !line.StartsWith(';'))
            {
                return line;
            }
        }
        return "";
    }
}

internal enum ConfigGrammar
{
    KeyValue,
    Ini,
    Yaml,
    Json,
    Keepalived,
}
