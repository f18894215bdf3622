namespace KnowledgeEngine.Tests;

/// <summary>Finds the repository root from the test's output folder, so tests can read rules/,
/// knowledge/ and the rules' example bundles as shipped.</summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string Knowledge => Path.Combine(Root, "knowledge");

    public static string Rules => Path.Combine(Root, "rules");

    /// <summary>An example bundle by platform, scenario and variant ("cloudpods/host-mac-changed/fires"):
    /// rules/&lt;platform&gt;/examples/&lt;scenario&gt;/&lt;variant&gt;, next to the rules that use it.</summary>
    public static string Bundle(string name)
    {
        var platform = name.Split('/')[0];
        return Path.Combine(Rules, platform, "examples", name[(platform.Length + 1)..]);
    }

    /// <summary>The broken-rule corpus.</summary>
    public static string Broken => Path.Combine(Root, "tests", "KnowledgeEngine.Tests", "Rules", "Broken");

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
