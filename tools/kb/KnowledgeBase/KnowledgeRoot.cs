using KnowledgeEngine.Rules;

namespace KnowledgeEngine.Cli.KnowledgeBase;

/// <summary>Where kb lint and kb test look up the knowledge: articles rules link to.</summary>
internal static class KnowledgeRoot
{
    /// <summary>The knowledge base the rule files belong to, or else the built-in one: a user's rule
    /// folder outside any knowledge base is laid over the built-in one by kb diagnose --rules, so its
    /// links must be checked against the same articles, or lint passes what diagnose refuses.</summary>
    public static string For(IReadOnlyList<string> paths) =>
        RuleSet.FindRoot(paths.Count > 0 ? paths[0] : ".") ?? BuiltInKnowledge.Materialise();
}
