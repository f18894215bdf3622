using KnowledgeEngine.Rules;

namespace KnowledgeEngine.Cli.KnowledgeBase;

/// <summary>Which rules kb lint and kb test check, and against which knowledge.</summary>
internal static class KnowledgeRoot
{
    /// <summary>
    /// With no paths: the rules/ of the knowledge base around the current folder, or else the built-in
    /// rules. With paths inside a knowledge base: those files, checked against it. With paths outside any:
    /// those files checked against the built-in knowledge, since kb diagnose --rules lays such a folder over
    /// the built-in rules and lint must not pass what diagnose refuses. Rules read from text run their
    /// bundle and case examples only where the bundles are (a checkout); kb test says so for each.
    /// </summary>
    public static RuleSet Load(string[]? paths)
    {
        if (paths is not { Length: > 0 })
        {
            return RuleSet.FindRoot(".") is { } here && Directory.Exists(Path.Combine(here, "rules"))
                ? RuleSet.Load([Path.Combine(here, "rules")], here)
                : RuleSet.Load(BuiltInKnowledge.Rules(), BuiltInKnowledge.Catalog());
        }

        if (RuleSet.FindRoot(paths[0]) is { } root)
        {
            return RuleSet.Load(paths, root);
        }

        var files = paths.SelectMany(p => Directory.Exists(p) ? RuleSet.FilesIn(p) : [p]);
        return RuleSet.Load(files.Select(RuleSource.FromFile), BuiltInKnowledge.Catalog());
    }
}
