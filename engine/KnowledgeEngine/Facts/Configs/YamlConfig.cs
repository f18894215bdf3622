using KnowledgeEngine.Facts.Documents;

namespace KnowledgeEngine.Facts.Configs;

/// <summary>YAML settings → "a.b", "list[0]" key paths with the line of each value. A damaged stream keeps
/// its good documents (see <see cref="YamlReader"/>); false when nothing in it is YAML.</summary>
internal static class YamlConfig
{
    public static bool Flatten(string text, Action<string, string, int> sink, ReadNotes? notes = null)
    {
        var documents = YamlReader.Read(text, notes ?? new ReadNotes(""), withSettings: true);
        if (documents is null)
        {
            return false;
        }

        foreach (var document in documents)
        {
            foreach (var (key, value, line) in document.Settings)
            {
                sink(key, value, line);
            }
        }
        return true;
    }
}
