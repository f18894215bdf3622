using KnowledgeEngine.Rules;
using KnowledgeEngine.Runbooks;

namespace KnowledgeEngine.Cli.KnowledgeBase;

/// <summary>The built-in rules and articles, overlaid by the user's --rules folder, as the
/// diagnose and runbook commands load them: read as text from kb itself and from the user's files,
/// nothing written to disk. Problems are printed for people and give null.</summary>
internal sealed record LoadedKnowledge(RuleSet Rules, ArticleLibrary Articles)
{
    /// <param name="checkArticles">Read every built-in article now and refuse a broken build. kb diagnose
    /// passes false: it reads only the articles its causes link to (the tests and kb lint prove the built-in
    /// ones read cleanly), and reading all of them was a tenth of its run.</param>
    /// <param name="codeRules">The assemblies --code-rules names, whose C# rules run beside the YAML ones.</param>
    /// <param name="forDiagnosis">The rules only diagnose: their examples are not read and the built-in ones, validated
    /// when kb was built, are not validated again (together a third of kb diagnose's load; docs/benchmarks.md).</param>
    public static LoadedKnowledge? Load(string command, string? userRules, TextWriter error, bool checkArticles = true, string[]? codeRules = null,
        bool forDiagnosis = false)
    {
        if (userRules is not null && !Directory.Exists(userRules))
        {
            error.WriteLine($"kb {command}: --rules '{userRules}' is not a folder; give the folder that holds your rule files.");
            return null;
        }

        var articles = ArticleLibrary.FromText(BuiltInKnowledge.Articles());
        if (checkArticles && articles.HasErrors)
        {
            foreach (var d in articles.Diagnostics)
            {
                error.WriteLine(d);
            }

            error.WriteLine($"kb {command}: the built-in articles have errors (above); this kb build is broken, rebuild it.");
            return null;
        }

        if (CodeRuleAssemblies.Load(command, codeRules, error) is not { } code)
        {
            return null;
        }

        var rules = RuleSet.Load(Sources(userRules, forDiagnosis), BuiltInKnowledge.Catalog(), code);
        if (rules.HasErrors)
        {
            foreach (var d in rules.Diagnostics)
            {
                error.WriteLine(d);
            }

            error.WriteLine($"kb {command}: the rules have errors (above); fix them or run kb lint on your --rules folder.");
            return null;
        }

        return new LoadedKnowledge(rules, articles);
    }

    /// <summary>The built-in rule files, a user file replacing the built-in one of the same path under
    /// rules/ and the others added. A user file is named by the path the user gave, so its diagnostics point there.</summary>
    internal static IEnumerable<RuleSource> Sources(string? userRules, bool forDiagnosis = false)
    {
        var byPath = (forDiagnosis ? BuiltInKnowledge.DiagnosisRules() : BuiltInKnowledge.Rules()).ToDictionary(s => s.Path, StringComparer.Ordinal);
        if (userRules is not null)
        {
            foreach (var file in RuleSet.FilesIn(userRules))
            {
                var key = "rules/" + Path.GetRelativePath(userRules, file).Replace('\\', '/');
                byPath[key] = RuleSource.FromFile(file) with { ReadExamples = !forDiagnosis };
            }
        }

        return byPath.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Value);
    }
}
