using KnowledgeEngine.Rules;
using KnowledgeEngine.Runbooks;

namespace KnowledgeEngine.Cli.KnowledgeBase;

/// <summary>The built-in rules and articles, overlaid by the user's --rules folder, as the
/// diagnose and runbook commands load them. Problems are printed for people and give null.</summary>
internal sealed record LoadedKnowledge(RuleSet Rules, ArticleLibrary Articles)
{
    public static LoadedKnowledge? Load(string command, string? userRules, TextWriter error)
    {
        if (userRules is not null && !Directory.Exists(userRules))
        {
            error.WriteLine($"kb {command}: --rules '{userRules}' is not a folder; give the folder that holds your rule files.");
            return null;
        }

        var root = BuiltInKnowledge.Materialise(userRules);
        var rules = RuleSet.Load(Path.Combine(root, "rules"), root);
        if (rules.HasErrors)
        {
            foreach (var d in rules.Diagnostics)
            {
                error.WriteLine(UserPath(d.ToString(), root, userRules));
            }

            error.WriteLine($"kb {command}: the rules have errors (above); fix them or run kb lint on your --rules folder.");
            return null;
        }

        try
        {
            return new LoadedKnowledge(rules, ArticleLibrary.Load(Path.Combine(root, "knowledge")));
        }
        catch (KnowledgeException e)
        {
            error.WriteLine($"kb {command}: {e.Message}");
            return null;
        }
    }

    /// <summary>A diagnostic names the file in the materialised copy; the user knows it by the
    /// path they gave with --rules (a built-in file keeps its rules/... name).</summary>
    private static string UserPath(string line, string root, string? userRules)
    {
        var copied = Path.Combine(root, "rules") + Path.DirectorySeparatorChar;
        if (userRules is not null && line.StartsWith(copied, StringComparison.Ordinal))
        {
            var relative = line[copied.Length..line.IndexOf(':', copied.Length)];
            if (File.Exists(Path.Combine(userRules, relative)))
            {
                return Path.Combine(userRules, relative) + line[(copied.Length + relative.Length)..];
            }
        }

        return line.Replace(root + Path.DirectorySeparatorChar, "");
    }
}
