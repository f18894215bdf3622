using KnowledgeEngine.Rules;

namespace KnowledgeEngine.Tests.Rules;

/// <summary>Every file under Lint/ loads without errors but earns one lint warning, named on its first
/// line: <c># expect: line:col: warning KBnnn: message — fix</c>.</summary>
public sealed class LintCorpusTests
{
    private static string Folder => Path.Combine(RepositoryPaths.Root, "tests", "KnowledgeEngine.Tests", "Rules", "Lint");

    public static TheoryData<string> Files()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(Folder, "*.yaml").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Lint_reports_the_expected_warning(string name)
    {
        var path = Path.Combine(Folder, name);
        var expected = File.ReadLines(path).First()["# expect: ".Length..];

        var rules = RuleSet.Load(path, RepositoryPaths.Root);

        Assert.False(rules.HasErrors, string.Join("\n", rules.Diagnostics));
        var code = expected.Split(' ')[2].TrimEnd(':');
        var warning = Assert.Single(rules.Lint(), d => d.Code == code);
        Assert.Equal(expected, warning.ToString()[(warning.Span.File.Length + 1)..]);
    }
}
