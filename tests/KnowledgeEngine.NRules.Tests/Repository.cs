using KnowledgeEngine.Rules;

namespace KnowledgeEngine.NRules.Tests;

/// <summary>The repository's shipped rules, loaded once, as each engine runs them.</summary>
internal static class Repository
{
    private static readonly string s_root = FindRoot();
    private static readonly Lazy<RuleSet> s_ours = new(() => RuleSet.Load(Path.Combine(s_root, "rules"), s_root));
    private static readonly Lazy<RuleSet> s_onNRules = new(() => s_ours.Value.WithEngine(NRulesCompiler.Compile));

    public static string Root => s_root;

    public static RuleSet Ours => s_ours.Value;

    public static RuleSet OnNRules => s_onNRules.Value;

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "KnowledgeEngine.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("KnowledgeEngine.sln not found above " + AppContext.BaseDirectory);
    }
}
