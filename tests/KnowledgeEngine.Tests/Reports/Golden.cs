namespace KnowledgeEngine.Tests.Reports;

/// <summary>
/// Golden files next to the tests (Reports/Golden/*). A mismatch fails with both texts; after an
/// intended change, run the tests once with KB_UPDATE_GOLDEN=1 to rewrite the files, then review
/// the diff with git before committing it.
/// </summary>
internal static class Golden
{
    public static string Folder => Path.Combine(RepositoryPaths.Root, "tests", "KnowledgeEngine.Tests", "Reports", "Golden");

    public static void Verify(string name, string actual)
    {
        var path = Path.Combine(Folder, name);
        var normalised = Normalise(actual);
        if (Environment.GetEnvironmentVariable("KB_UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(path, normalised);
            return;
        }

        Assert.True(File.Exists(path), $"{path} is missing; run the tests with KB_UPDATE_GOLDEN=1 to create it.");
        Assert.Equal(Normalise(File.ReadAllText(path)), normalised);
    }

    /// <summary>Line endings and trailing blanks (Spectre pads wrapped lines; editors strip them)
    /// do not count as differences.</summary>
    private static string Normalise(string text) =>
        string.Join("\n", text.ReplaceLineEndings("\n").Split('\n').Select(line => line.TrimEnd(' ')));
}
