namespace KnowledgeEngine.Facts.Documents;

/// <summary>
/// Lines a person writes to mark text left out of a paste ("...", "# ...", "[...]", "…"). In YAML a
/// "..." line ends the document and "[...]" is a list, so both break what follows; they are blanked
/// (line numbers stay right) and noted once per file.
/// </summary>
internal static class Elisions
{
    private static readonly HashSet<string> Marks = new(StringComparer.Ordinal)
    {
        "...", "…", "[...]", "[…]", "# ...", "# …", "#...", "(...)", "<...>", "- ...",
    };

    public static string Blank(string text, ReadNotes notes)
    {
        if (!text.Contains("...", StringComparison.Ordinal) && !text.Contains('…'))
        {
            return text;
        }

        var lines = text.Split('\n');
        var blanked = new List<int>();
        for (var i = 0; i < lines.Length; i++)
        {
            if (Marks.Contains(lines[i].Trim()))
            {
                lines[i] = "";
                blanked.Add(i + 1);
            }
        }
        if (blanked.Count == 0)
        {
            return text;
        }

        notes.Warn(blanked[0], blanked.Count == 1
            ? "an elision mark ('...') stands for text left out; the line was skipped and the rest read."
            : $"{blanked.Count} elision marks ('...', lines {string.Join(", ", blanked.Take(8))}{(blanked.Count > 8 ? ", …" : "")}) stand for text left out; they were skipped and the rest read.");
        return string.Join('\n', lines);
    }
}
