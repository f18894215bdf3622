namespace KnowledgeEngine.Tests.Rules;

/// <summary>Paths in the repository, found from the test binary so tests run from any folder.</summary>
internal static class RepoPaths
{
    public static string Root { get; } = Find();

    public static string Rules => Path.Combine(Root, "rules");

    public static string Broken => Path.Combine(Root, "tests", "KnowledgeEngine.Tests", "Rules", "Broken");

    private static string Find()
    {
        for (var at = new DirectoryInfo(AppContext.BaseDirectory); at is not null; at = at.Parent)
        {
            if (File.Exists(Path.Combine(at.FullName, "KnowledgeEngine.sln")))
            {
                return at.FullName;
            }
        }

        throw new InvalidOperationException("The repository root (KnowledgeEngine.sln) is not above the test binary.");
    }
}
