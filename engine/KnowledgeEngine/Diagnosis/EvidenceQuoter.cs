using KnowledgeEngine.Facts;
using KnowledgeEngine.Rules;

namespace KnowledgeEngine.Diagnosis;

/// <summary>Turns matched facts into quotable lines: a log record's first line, a resource's
/// kind/name, a config key and value.</summary>
public static class EvidenceQuoter
{
    private const int MaxText = 240;

    internal static EvidenceLine Quote(string role, MatchedFact matched) => new(role, matched.Name, matched.Location, Text(matched.Fact));

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
}
