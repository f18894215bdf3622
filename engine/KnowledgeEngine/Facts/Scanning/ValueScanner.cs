using System.Text.Json;

namespace KnowledgeEngine.Facts.Scanning;

/// <summary>
/// Text anywhere: message text also lives inside API objects and configs (an API error body, a
/// Kubernetes condition's message, an event). When a rule asks for it (<see cref="ScanPlan.ScansValues"/>),
/// every text value of a file's resources and configs that contains a plan pattern becomes a log fact
/// of format <see cref="LogFact.ValueFormat"/>: the same prefilter and patterns as log records, so the
/// cost follows the values that match, and only matching values become facts.
/// </summary>
internal sealed class ValueScanner(ScanPlan plan, string? platform)
{
    /// <summary>Shorter values, or values without a space, are names and states, not messages.</summary>
    private const int MinLength = 8;

    public List<LogFact> Scan(IEnumerable<Fact> facts, LogScanStats stats)
    {
        var found = new List<LogFact>();
        if (!plan.ScansValues || plan.Patterns.Count == 0)
        {
            return found;
        }

        PatternMatcher? matcher = null;
        string? source = null;
        foreach (var fact in facts)
        {
            // The patterns of the document's file: a value's source is its document, so source globs scope it.
            if (matcher is null || !string.Equals(fact.Source, source, StringComparison.Ordinal))
            {
                source = fact.Source;
                matcher = new PatternMatcher(plan.ForValues(source, platform));
            }

            foreach (var (path, text) in Texts(fact))
            {
                var matched = matcher.Match(text, stats.PatternCounts);
                if (matched.Count == 0)
                {
                    continue;
                }

                found.Add(new LogFact
                {
                    Source = fact.Source,
                    Line = fact.Line,
                    Text = text,
                    Message = text,
                    Component = path,
                    Format = LogFact.ValueFormat,
                    BundlePlatform = platform,
                    Matched = matched,
                });
            }
        }
        return found;
    }

    private static IEnumerable<(string Path, string Text)> Texts(Fact fact)
    {
        switch (fact)
        {
            case ConfigFact config when IsMessage(config.Value):
                yield return (config.Key, config.Value);
                break;
            case ResourceFact resource:
                var pending = new Stack<(JsonElement Element, string Path)>();
                pending.Push((resource.Object, ""));
                while (pending.Count > 0)
                {
                    var (element, path) = pending.Pop();
                    switch (element.ValueKind)
                    {
                        case JsonValueKind.Object:
                            foreach (var property in element.EnumerateObject().Reverse())
                            {
                                pending.Push((property.Value, path.Length == 0 ? property.Name : $"{path}.{property.Name}"));
                            }

                            break;
                        case JsonValueKind.Array:
                            var items = element.EnumerateArray().ToList();
                            for (var i = items.Count - 1; i >= 0; i--)
                            {
                                pending.Push((items[i], $"{path}[{i}]"));
                            }

                            break;
                        case JsonValueKind.String when element.GetString() is { } text && IsMessage(text):
                            yield return (path, text);
                            break;
                    }
                }
                break;
        }
    }

    private static bool IsMessage(string text) => text.Length >= MinLength && text.Contains(' ');
}
