using KnowledgeEngine.Facts;
using KnowledgeEngine.Facts.Scanning;
using KnowledgeEngine.Rules;

namespace KnowledgeEngine.Diagnosis;

/// <summary>Turns matched facts into quotable lines: a log record's line, a resource's kind/name, a
/// config key and value. A log record is quoted around the text its condition matched (the 409 body's
/// <c>duplicate manager_uri …</c>, not the timestamp and Go function that start the line), with where the
/// match lies in the quote, and the whole record kept for JSON and --explain.</summary>
public static class EvidenceQuoter
{
    private const int MaxText = 240;

    /// <summary>How much of the line before the match a quote keeps, so the match has its context.</summary>
    private const int Lead = 60;

    internal static EvidenceLine Quote(string role, MatchedFact matched, LoadedCondition? condition = null)
    {
        if (matched.Fact is not LogFact log || condition is null || Locate(log.Text, condition) is not { } found)
        {
            return new EvidenceLine(role, matched.Name, matched.Location, Text(matched.Fact)) { Record = Record(matched.Fact) };
        }

        var (text, start, length) = Window(log.Text, found.Start, found.Length);
        return new EvidenceLine(role, matched.Name, matched.Location, text)
        {
            Record = log.Text,
            Match = (start, length),
        };
    }

    /// <summary>A when fact of <paramref name="rule"/>, quoted around what its condition matched.</summary>
    internal static EvidenceLine QuoteWhen(MatchedFact matched, LoadedRule rule) =>
        Quote("when", matched, rule.When.FirstOrDefault(c => c.Name == matched.Name));

    /// <summary>
    /// At most <paramref name="max"/> characters of <paramref name="line"/>: from its start when the match
    /// (at <paramref name="at"/>, <paramref name="length"/> long; 0 for none) fits, else from
    /// <paramref name="lead"/> characters before it; "…" marks each cut. Gives the match's place in the
    /// cut text, its length clipped to what the cut keeps.
    /// </summary>
    internal static (string Text, int Start, int Length) Cut(string line, int at, int length, int max, int lead)
    {
        if (line.Length <= max)
        {
            return (line, at, Math.Min(length, line.Length - at));
        }

        var from = at + length <= max - 1 ? 0 : Math.Max(0, at - lead);
        var to = Math.Min(line.Length, from + max - (from > 0 ? 2 : 1));
        var text = (from > 0 ? "…" : "") + line[from..to] + (to < line.Length ? "…" : "");
        var start = at - from + (from > 0 ? 1 : 0);
        var kept = text.Length - start - (to < line.Length ? 1 : 0);
        return (text, start, Math.Max(0, Math.Min(length, kept)));
    }

    /// <summary>The fact in one line of at most 240 characters.</summary>
    public static string Text(object fact)
    {
        var text = fact switch
        {
            LogFact log => log.Text.Split('\n')[0],
            ResourceFact resource => $"{resource.ResourceKind} {(resource.Namespace is null ? "" : resource.Namespace + "/")}{resource.Name}",
            ConfigFact config => $"{config.Key} = {config.Value}",
            FileFact file => $"{file.Path} ({file.Size} bytes)",
            BundleFact bundle => $"{bundle.Layout} bundle of {string.Join(", ", bundle.Hosts)}",
            _ => fact.ToString() ?? "",
        };
        return text.Length <= MaxText ? text : text[..(MaxText - 1)] + "…";
    }

    private static string Record(object fact) => fact is LogFact log ? log.Text : Text(fact);

    /// <summary>Where the condition's regex, else its literal, matches the record (null for a condition
    /// that reads only level, component or fields).</summary>
    private static (int Start, int Length)? Locate(string record, LoadedCondition condition)
    {
        if (condition.Model.Property("regex") is { } regex && LazyRegex.Get(regex.Value).Match(record) is { Success: true } m && m.Length > 0)
        {
            return (m.Index, m.Length);
        }

        if (condition.Model.Property("contains") is { Value.Length: > 0 } literal && record.IndexOf(literal.Value, StringComparison.Ordinal) is >= 0 and var at)
        {
            return (at, literal.Value.Length);
        }

        return null;
    }

    /// <summary>The line of the record that holds the match, cut to 240 characters so the match shows
    /// with up to <see cref="Lead"/> characters before it; "…" marks each cut.</summary>
    private static (string Text, int Start, int Length) Window(string record, int start, int length)
    {
        var lineStart = start == 0 ? 0 : record.LastIndexOf('\n', start - 1) + 1;
        var lineEnd = record.IndexOf('\n', start) is >= 0 and var end ? end : record.Length;
        return Cut(record[lineStart..lineEnd], start - lineStart, length, MaxText, Lead);
    }
}
