using KnowledgeEngine.Rules.Model;

namespace KnowledgeEngine.Rules;

/// <summary>How a condition and a rule position read in every output, computed once at load.</summary>
internal static class RuleText
{
    public static string Describe(ConditionModel condition)
    {
        var p = condition.Properties;
        var what = p.GetValueOrDefault("contains")?.Value ?? p.GetValueOrDefault("regex")?.Value
            ?? p.GetValueOrDefault("kind")?.Value ?? p.GetValueOrDefault("path")?.Value
            ?? p.GetValueOrDefault("key")?.Value ?? p.GetValueOrDefault("name")?.Value ?? condition.Where?.Value;
        var kind = condition.Kind.Value.ToString().ToLowerInvariant();
        var text = what is null ? kind : $"{kind} '{what}'";
        return condition.Absent?.Value == true ? "no " + text : text;
    }

    /// <summary>A rule file position from the knowledge base's rules/ folder on (rules/x/y.yaml:17:5):
    /// the loaded copy may sit in a temporary folder whose path means nothing to the reader.</summary>
    public static string Location(SourceSpan span) => $"{RuleFile(span.File)}:{span.Line}:{span.Column}";

    /// <summary>The rule file's path from rules/ on, or its name when it lies outside a rules/ folder.</summary>
    public static string RuleFile(string path)
    {
        var file = path.Replace('\\', '/');
        if (file.StartsWith("rules/", StringComparison.Ordinal))
        {
            return file; // loaded from text under its knowledge-base path (the rules inside kb)
        }

        var at = file.LastIndexOf("/rules/", StringComparison.Ordinal);
        return at >= 0 ? file[(at + 1)..] : Path.GetFileName(file);
    }
}
