using KnowledgeEngine.Rules.Model;

namespace KnowledgeEngine.Diagnosis;

/// <summary>A condition in a few words (its kind and what it looks for), shared by the confidence
/// steps, the missing-evidence list and the runbooks so all three name an item the same way.</summary>
internal static class ConditionText
{
    public static string Describe(ConditionModel condition)
    {
        var properties = condition.Properties;
        var what = properties.GetValueOrDefault("contains")?.Value ?? properties.GetValueOrDefault("regex")?.Value
            ?? properties.GetValueOrDefault("kind")?.Value ?? properties.GetValueOrDefault("path")?.Value
            ?? properties.GetValueOrDefault("key")?.Value ?? condition.Where?.Value;
        var kind = condition.Kind.Value.ToString().ToLowerInvariant();
        return what is null ? kind : $"{kind} '{what}'";
    }
}
