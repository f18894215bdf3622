using KnowledgeEngine.Rules;

namespace KnowledgeEngine.Cli.KnowledgeBase;

/// <summary>Which rules kb lint and kb test check, against which knowledge, and how to say so.</summary>
internal static class KnowledgeRoot
{
    /// <summary>
    /// With no paths: the rules/ of the knowledge base around the current folder (a checkout); else the
    /// rules built into kb, with ./rules laid over them when there is one (as kb diagnose --rules ./rules
    /// reads them). With paths inside a knowledge base: those files, checked against it. With paths
    /// outside any: those files checked against the built-in knowledge, since kb diagnose --rules lays
    /// such a folder over the built-in rules and lint must not pass what diagnose refuses. Rules read from
    /// text run their bundle and case examples only where the bundles are (a checkout); kb test says so.
    /// </summary>
    /// <param name="code">The C# rules --code-rules loaded, run beside the YAML ones.</param>
    public static (RuleSet Rules, string Source) Load(string[]? paths, IReadOnlyList<CodeRule>? code = null)
    {
        if (paths is not { Length: > 0 })
        {
            if (RuleSet.FindRoot(".") is { } here && Directory.Exists(Path.Combine(here, "rules")))
            {
                return (RuleSet.Load([Path.Combine(here, "rules")], here, code), $"the rules/ of the knowledge base at {here}");
            }

            var overlay = Directory.Exists("rules") ? "rules" : null;
            var rules = RuleSet.Load(LoadedKnowledge.Sources(overlay), BuiltInKnowledge.Catalog(), code);
            return (rules, overlay is null
                ? "the rules built into kb"
                : $"the rules built into kb with ./rules laid over them ({RuleSet.FilesIn(overlay).Count()} files; a file with the path of a built-in one replaces it)");
        }

        if (RuleSet.FindRoot(paths[0]) is { } root)
        {
            return (RuleSet.Load(paths, root, code), $"{string.Join(", ", paths)} (knowledge base at {root})");
        }

        var files = paths.SelectMany(p => Directory.Exists(p) ? RuleSet.FilesIn(p) : [p]);
        return (RuleSet.Load(files.Select(RuleSource.FromFile), BuiltInKnowledge.Catalog(), code), $"{string.Join(", ", paths)} (against the knowledge built into kb)");
    }
}
