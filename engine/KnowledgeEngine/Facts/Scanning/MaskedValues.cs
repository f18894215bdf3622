using System.Collections.Concurrent;
using System.Text;
using System.Text.RegularExpressions;

namespace KnowledgeEngine.Facts;

/// <summary>
/// Reporters mask addresses before they paste: <c>x.x.x.x</c>, <c>10.x.x.x</c>, <c>XX:XX:XX:XX:XX:XX</c>,
/// <c>***</c>, <c>&lt;redacted&gt;</c>, <c>REDACTED</c>. A rule's capture written for an address would miss
/// such a line, so every named group whose pattern takes an address (it matches a sample IPv4 address, MAC
/// or host name whole) also takes a mask, as an alternative after its own: an unmasked line is captured
/// exactly as before, a masked one is captured as written, so evidence and fix steps show the mask, never
/// a guessed address. The widened pattern is the one matched and the one the prefilter's literals are
/// taken from (a literal inside a widened group is no longer required), so the prefilter stays valid.
/// </summary>
internal static class MaskedValues
{
    /// <summary>What a mask looks like: the generic marks, a dotted quad or a MAC with at least one masked part
    /// (an address without one is no mask: it stays the capture's own business, so a capture limited to private
    /// addresses still refuses 127.0.0.1).</summary>
    internal static readonly string Mask =
        @"\*{3,}|<redacted>|<REDACTED>|\[redacted\]|\[REDACTED\]|REDACTED|redacted|<masked>|MASKED|"
        + Masked(@"\d{1,3}", @"(?:[xX]{1,3}|\*{1,3})", @"\.", 4) + "|"
        + Masked("[0-9A-Fa-f]{2}", @"(?:[xX]{2}|\*{2})", ":", 6);

    /// <summary>
    /// Addresses a capture must take whole to count as an address capture: one that takes any IPv4 address
    /// (a public and a private one), a MAC (in either case) or a host name. A capture for one range only
    /// (<c>10\.96\.0\.10</c>, private addresses) is a claim about the address, which a mask cannot support.
    /// </summary>
    private static readonly string[][] Addresses =
        [["10.127.10.7", "203.0.113.9"], ["00:22:4d:aa:bb:cc"], ["00:22:4D:AA:BB:CC"], ["node-07.example.com"]];

    private static readonly string[] Masks = ["x.x.x.x", "10.x.x.x", "XX:XX:XX:XX:XX:XX", "***", "<redacted>", "REDACTED"];

    /// <summary>Parts separated by <paramref name="separator"/>, at least one of them masked: the first masked part at each position.</summary>
    private static string Masked(string part, string mask, string separator, int parts) =>
        string.Join('|', Enumerable.Range(0, parts).Select(first =>
            string.Concat(Enumerable.Repeat(part + separator, first)) + mask
            + string.Concat(Enumerable.Repeat($"{separator}(?:{part}|{mask})", parts - first - 1))));

    private static readonly ConcurrentDictionary<string, string> Cache = new(StringComparer.Ordinal);

    /// <summary>The pattern with its address captures widened; the pattern itself when it has none.</summary>
    public static string Widen(string pattern) =>
        !pattern.Contains("(?<", StringComparison.Ordinal) && !pattern.Contains("(?'", StringComparison.Ordinal)
            ? pattern
            : Cache.GetOrAdd(pattern, Rewrite);

    private static string Rewrite(string pattern)
    {
        List<(int Start, int End)> groups;
        try
        {
            groups = NamedGroupBodies(pattern);
        }
        catch (IndexOutOfRangeException)
        {
            return pattern;
        }
        var result = new StringBuilder(pattern.Length + 256);
        var copied = 0;
        foreach (var (start, end) in groups.OrderBy(g => g.Start))
        {
            if (start < copied || !TakesAddress(pattern[start..end]))
            {
                continue;
            }

            result.Append(pattern, copied, start - copied).Append("(?:").Append(pattern, start, end - start).Append('|').Append(Mask).Append(')');
            copied = end;
        }
        return copied == 0 ? pattern : result.Append(pattern, copied, pattern.Length - copied).ToString();
    }

    /// <summary>Does the group take an address, and not already every mask (<c>\S+</c>, <c>.+?</c> need nothing)?</summary>
    private static bool TakesAddress(string body)
    {
        try
        {
            var whole = new Regex($"^(?:{body})$", RegexOptions.CultureInvariant);
            return Addresses.Any(set => set.All(whole.IsMatch)) && !Masks.All(whole.IsMatch);
        }
        catch (ArgumentException)
        {
            return false; // a body that does not stand alone (a backreference to another group)
        }
    }

    /// <summary>Where the body of each named group starts and ends (after "(?&lt;name&gt;", before ")").</summary>
    private static List<(int Start, int End)> NamedGroupBodies(string p)
    {
        var bodies = new List<(int, int)>();
        var open = new Stack<int>(); // body start of a named group, -1 for any other group
        for (var i = 0; i < p.Length; i++)
        {
            switch (p[i])
            {
                case '\\':
                    i++;
                    break;
                case '[':
                    i = ClassEnd(p, i);
                    break;
                case '(' when i + 3 < p.Length && p[i + 1] == '?' && p[i + 2] is '<' or '\'' && p[i + 3] is not ('=' or '!'):
                    var close = p.IndexOf(p[i + 2] == '<' ? '>' : '\'', i + 3);
                    if (close < 0)
                    {
                        return bodies;
                    }

                    open.Push(close + 1);
                    i = close;
                    break;
                case '(':
                    open.Push(-1);
                    break;
                case ')' when open.Count > 0:
                    var start = open.Pop();
                    if (start >= 0)
                    {
                        bodies.Add((start, i));
                    }

                    break;
            }
        }
        return bodies;
    }

    private static int ClassEnd(string p, int open)
    {
        var i = open + 1;
        if (i < p.Length && p[i] == '^')
        {
            i++;
        }

        if (i < p.Length && p[i] == ']')
        {
            i++;
        }

        for (; i < p.Length; i++)
        {
            if (p[i] == '\\')
            {
                i++;
            }
            else if (p[i] == ']')
            {
                return i;
            }
        }
        return p.Length;
    }
}
