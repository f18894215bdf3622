namespace KnowledgeEngine.Facts;

/// <summary>
/// Finds a literal that every match of a regex must contain, so a regex can ride on the literal prefilter.
/// Conservative: only top-level runs of plain characters count; any top-level '|' gives up.
/// </summary>
internal static class RequiredLiteral
{
    public const int MinimumLength = 3;

    public static string? From(string pattern)
    {
        var best = "";
        var run = new System.Text.StringBuilder();
        var depth = 0;
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (depth > 0)
            {
                if (c == '\\')
                    i++;
                else if (c == '(')
                    depth++;
                else if (c == ')')
                    depth--;
                continue;
            }
            switch (c)
            {
                case '|':
                    return null;
                case '(':
                    Close(ref best, run);
                    depth++;
                    continue;
                case '[':
                    Close(ref best, run);
                    i = SkipClass(pattern, i);
                    continue;
                case '*' or '?' or '{':
                    // The atom before an optional quantifier may be absent from a match.
                    if (run.Length > 0)
                        run.Length--;
                    Close(ref best, run);
                    if (c == '{')
                        i = Math.Max(i, pattern.IndexOf('}', i));
                    continue;
                case '+':
                    Close(ref best, run);
                    continue;
                case '.' or '^' or '$' or ')':
                    Close(ref best, run);
                    continue;
                case '\\' when i + 1 < pattern.Length:
                    var next = pattern[++i];
                    if (char.IsAsciiLetterOrDigit(next))
                        Close(ref best, run);
                    else
                        run.Append(next);
                    continue;
                default:
                    run.Append(c);
                    continue;
            }
        }
        Close(ref best, run);
        return best.Length >= MinimumLength ? best : null;
    }

    private static void Close(ref string best, System.Text.StringBuilder run)
    {
        if (run.Length > best.Length)
            best = run.ToString();
        run.Clear();
    }

    private static int SkipClass(string pattern, int open)
    {
        var i = open + 1;
        if (i < pattern.Length && pattern[i] == '^')
            i++;
        if (i < pattern.Length && pattern[i] == ']')
            i++;
        for (; i < pattern.Length; i++)
        {
            if (pattern[i] == '\\')
                i++;
            else if (pattern[i] == ']')
                return i;
        }
        return pattern.Length;
    }
}
