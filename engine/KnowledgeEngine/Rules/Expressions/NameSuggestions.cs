namespace KnowledgeEngine.Rules.Expressions;

/// <summary>Finds the known name a typo was probably meant to be.</summary>
internal static class NameSuggestions
{
    /// <summary>"did you mean 'x'? " for a close enough name, otherwise empty.</summary>
    public static string Closest(string typed, IEnumerable<string> known)
    {
        var best = Ranked(typed, known).FirstOrDefault();
        return best is not null && Distance(typed, best) <= Math.Max(2, typed.Length / 3)
            ? $"did you mean '{best}'? "
            : "";
    }

    /// <summary>The known names, closest to <paramref name="typed"/> first.</summary>
    public static IEnumerable<string> Ranked(string typed, IEnumerable<string> known) =>
        known.Distinct(StringComparer.Ordinal)
            .OrderBy(name => Distance(typed, name))
            .ThenBy(name => name, StringComparer.Ordinal);

    /// <summary>Edit distance where swapping two neighbouring letters is one edit ('hots' is one from
    /// 'host'), ignoring case so 'Status' finds 'status'.</summary>
    public static int Distance(string a, string b)
    {
        var beforePrevious = new int[b.Length + 1];
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = Same(a[i - 1], b[j - 1]) ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && Same(a[i - 1], b[j - 2]) && Same(a[i - 2], b[j - 1]))
                {
                    current[j] = Math.Min(current[j], beforePrevious[j - 2] + 1);
                }
            }

            (beforePrevious, previous, current) = (previous, current, beforePrevious);
        }

        return previous[b.Length];
    }

    private static bool Same(char x, char y) => char.ToLowerInvariant(x) == char.ToLowerInvariant(y);
}
