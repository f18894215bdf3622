namespace KnowledgeEngine.Facts.Logs;

/// <summary>
/// What is left of a header whose start the reporter did not copy: a paste that begins mid-line keeps the
/// tail of the timestamp ("04:01:17 hostinfo.go:1012] ...", ",258 DEBUG [c.c.a.ApiServer] ..."), and a
/// message column copied alone keeps none of it. The bodies read such a record from the first part they
/// recognise after this fragment; it has no timestamp (a cut time is not a time).
/// </summary>
internal static class CutHeader
{
    /// <summary>How many leading characters are the tail of a date or a clock: digits and the separators
    /// times use, 'T'/'Z' only right after a digit. The fragment must end at a space, else it is a word.</summary>
    public static int TimeFragment(ReadOnlySpan<char> line)
    {
        var i = 0;
        while (i < line.Length)
        {
            var c = line[i];
            if (char.IsAsciiDigit(c) || c is ' ' or ':' or '.' or ',' or '/' or '-' or '+'
                || (c is 'T' or 'Z' && i > 0 && char.IsAsciiDigit(line[i - 1])))
            {
                i++;
            }
            else
            {
                break;
            }
        }
        while (i > 0 && line[i - 1] != ' ')
        {
            i--;
        }

        return i;
    }

    /// <summary>A Go caller "file.go:123" or "pkg.Func(file.go:123)": no space, a dot, ':' and digits at the end.</summary>
    public static bool IsCaller(ReadOnlySpan<char> token)
    {
        if (token.Length < 4 || token.ContainsAny(' ', '\t'))
        {
            return false;
        }

        if (token[^1] == ')')
        {
            token = token[..^1];
        }

        var colon = token.LastIndexOf(':');
        if (colon <= 1 || colon == token.Length - 1 || !token[..colon].Contains('.'))
        {
            return false;
        }

        foreach (var c in token[(colon + 1)..])
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }
        return true;
    }
}
