using KnowledgeEngine.Facts;
using KnowledgeEngine.Facts.Layouts;
using KnowledgeEngine.Rules.Model;

namespace KnowledgeEngine.Diagnosis;

/// <summary>
/// The facts that came closest to a condition that found none: same kind and place (source glob,
/// resource kind, config file), ranked by how many words of the condition's literal they share.
/// A heuristic for "kb why": it points the author at the line they probably meant.
/// </summary>
public static class CandidateFinder
{
    /// <summary>The closest facts, and how many facts of the same kind and place there were.</summary>
    public static (IReadOnlyList<Fact> Closest, int SamePlace) Closest(Rules.LoadedCondition loaded, IEnumerable<Fact> facts, int max = 5)
    {
        var condition = loaded.Model;
        var wanted = Words(condition.Property("contains")?.Value ?? condition.Property("regex")?.Value ?? condition.Where?.Value ?? "");
        var samePlace = facts.Where(f => SameKindAndPlace(condition, f)).ToList();
        var closest = samePlace
            .Select(f => (Fact: f, Score: wanted.Count(w => TextOf(f).Contains(w, StringComparison.OrdinalIgnoreCase))))
            .Where(x => wanted.Length == 0 || x.Score > 0)
            .OrderByDescending(x => x.Score)
            .ThenBy(x => x.Fact.Source, StringComparer.Ordinal)
            .ThenBy(x => x.Fact.Line)
            .Take(max)
            .Select(x => x.Fact)
            .ToList();
        return (closest, samePlace.Count);
    }

    private static bool SameKindAndPlace(ConditionModel condition, Fact fact) => (condition.Kind.Value, fact) switch
    {
        (FactKind.Log, LogFact log) => condition.Property("source") is not { } glob || Glob.IsMatch(glob.Value, log.Source),
        (FactKind.Resource, ResourceFact resource) =>
            condition.Property("kind") is not { } kind || string.Equals(kind.Value, resource.ResourceKind, StringComparison.OrdinalIgnoreCase),
        (FactKind.Config, ConfigFact config) => condition.Property("file") is not { } file || Glob.IsMatch(file.Value, config.Source),
        (FactKind.File, FileFact) => true,
        (FactKind.Bundle, BundleFact) => true,
        _ => false,
    };

    private static string TextOf(Fact fact) => fact switch
    {
        LogFact log => log.Text,
        ResourceFact resource => resource.Object.GetRawText(),
        ConfigFact config => config.Key + " " + config.Value,
        _ => fact.Source,
    };

    private static string[] Words(string text) =>
        text.Split([' ', '\t', '\'', '"', '(', ')', '[', ']', '=', ':', ',', '.', '?', '<', '>', '\\', '|', '*', '+'],
                StringSplitOptions.RemoveEmptyEntries)
            .Where(w => w.Length >= 3)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToArray();
}
