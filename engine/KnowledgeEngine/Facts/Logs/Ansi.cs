namespace KnowledgeEngine.Facts.Logs;

/// <summary>Removes terminal colour sequences that services write when they believe they have a TTY.</summary>
internal static class Ansi
{
    public static bool Contains(ReadOnlySpan<char> text) => text.Contains('\x1b');

    public static string Strip(ReadOnlySpan<char> text)
    {
        var builder = new System.Text.StringBuilder(text.Length);
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (c == '\x1b' && i + 1 < text.Length && text[i + 1] == '[')
            {
                var j = i + 2;
                while (j < text.Length && (char.IsAsciiDigit(text[j]) || text[j] == ';'))
                {
                    j++;
                }

                if (j < text.Length && char.IsAsciiLetter(text[j]))
                {
                    i = j + 1;
                    continue;
                }
            }
            builder.Append(c);
            i++;
        }
        return builder.ToString();
    }
}
