using KnowledgeEngine.Rules;

namespace KnowledgeEngine.Cli.KnowledgeBase;

/// <summary>Loads the built-in rules (plus the user's --rules folder) and reports rule errors in
/// the commands' common way; null means the command should exit 1.</summary>
internal static class KnowledgeBaseLoader
{
    public static RuleSet? Load(string? userRules, string command)
    {
        if (userRules is not null && !Directory.Exists(userRules))
        {
            Console.Error.WriteLine($"{command}: --rules '{userRules}' is not a folder; give the folder that holds your rule files.");
            return null;
        }

        var root = BuiltInKnowledge.Materialise(userRules);
        var ruleSet = RuleSet.Load(Path.Combine(root, "rules"), root);
        if (!ruleSet.HasErrors)
        {
            return ruleSet;
        }

        foreach (var d in ruleSet.Diagnostics)
        {
            Console.Error.WriteLine(d.ToString().Replace(root + Path.DirectorySeparatorChar, ""));
        }

        Console.Error.WriteLine($"{command}: the rules have errors (above); fix them or run kb lint on your --rules folder.");
        return null;
    }
}
