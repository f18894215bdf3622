namespace KnowledgeEngine.Rules.Loading;

/// <summary>
/// A rule file's text without its top-level <c>examples:</c> section, for loads that never run examples (a
/// diagnosis). The examples are nearly half the built-in rules' text (inline bundles), and reading them was
/// most of the YAML cost of kb diagnose. The section ends at the next line that starts a top-level key; its
/// lines become empty lines, so every line after it keeps its number.
/// </summary>
internal static class ExampleSection
{
    private const string Key = "examples:";

    public static string Without(string text)
    {
        var start = Find(text);
        if (start < 0)
        {
            return text;
        }

        var end = start;
        while (end < text.Length)
        {
            var next = text.IndexOf('\n', end);
            var lineEnd = next < 0 ? text.Length : next + 1;
            if (end > start && StartsTopLevelKey(text[end]))
            {
                break;
            }

            end = lineEnd;
        }

        var removed = text.AsSpan(start, end - start);
        var newlines = removed.Count('\n');
        return string.Concat(text.AsSpan(0, start), new string('\n', newlines), text.AsSpan(end));
    }

    /// <summary>The offset of the line <c>examples:</c> at column 0, or -1.</summary>
    private static int Find(string text)
    {
        for (var at = text.IndexOf(Key, StringComparison.Ordinal); at >= 0; at = text.IndexOf(Key, at + 1, StringComparison.Ordinal))
        {
            if (at == 0 || text[at - 1] == '\n')
            {
                return at;
            }
        }

        return -1;
    }

    /// <summary>Whether a line starting with this character, at column 0, is the next top-level key: it is not
    /// blank, a comment, nor a sequence item of the section (a block sequence may sit at its key's indentation).</summary>
    private static bool StartsTopLevelKey(char first) => first is not (' ' or '\t' or '\r' or '\n' or '#' or '-');
}
