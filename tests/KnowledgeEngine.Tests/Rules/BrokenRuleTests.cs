using KnowledgeEngine.Rules;

namespace KnowledgeEngine.Tests.Rules;

/// <summary>Every file under Broken/ holds one mistake; its first line names the one error it
/// must produce: <c># expect: line:col: error KBnnn: message — fix</c>.</summary>
public sealed class BrokenRuleTests
{
    public static TheoryData<string> Files()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(RepositoryPaths.Broken, "*.yaml").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file));
        }

        return data;
    }

    [Fact]
    public void Corpus_HasAtLeastThirtyFiles_EachWithAnExpectation()
    {
        var files = Directory.EnumerateFiles(RepositoryPaths.Broken, "*.yaml").ToList();

        Assert.True(files.Count >= 30, $"only {files.Count} broken rule files");
        Assert.All(files, f => Assert.StartsWith("# expect: ", File.ReadLines(f).First()));
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Load_BrokenFile_ReportsExactlyTheExpectedError(string name)
    {
        // Arrange
        var path = Path.Combine(RepositoryPaths.Broken, name);
        var expected = File.ReadLines(path).First()["# expect: ".Length..];

        // Act
        var rules = RuleSet.Load(path, RepositoryPaths.Root);

        // Assert
        var errors = rules.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        var error = Assert.Single(errors);
        Assert.Equal(path.Replace('\\', '/'), error.Span.File);
        Assert.Equal(expected, error.ToString()[(error.Span.File.Length + 1)..]);
        Assert.Empty(rules.Rules);
    }

    [Fact]
    public void Load_SameIdInTwoFiles_ReportsTheSecondWithTheFirstPosition()
    {
        using var folder = new TempRules();
        var first = folder.Write("a.yaml", TempRules.Minimal("test/same"));
        var second = folder.Write("b.yaml", TempRules.Minimal("test/same"));

        var rules = RuleSet.Load(folder.Path, RepositoryPaths.Root);

        var error = Assert.Single(rules.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.Equal($"{second}:1:5: error KB014: rule id 'test/same' is already used by {first}:1:5 — give every rule its own id; if both files describe one scenario, merge them", error.ToString());
    }

    [Fact]
    public void Load_FileWithAShapeErrorAndATemplateError_ReportsBothAtOnce()
    {
        using var folder = new TempRules();
        var path = folder.Write("r.yaml", """
            id: test/two-mistakes
            title: t
            platform: test
            severity: high
            when:
              - log: { contains: 'No space left on device', regex: 'write (?<path>\S+): No space' }
                as: full
            cause: { summary: s, confidence: 1.7 }
            fix:
              - 'du -xsh {{ full.pth }}'
            """);

        var rules = RuleSet.Load(folder.Path, RepositoryPaths.Root);

        var errors = rules.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => (d.Code, d.Span.Line)).ToList();
        Assert.Equal([("KB013", 8), ("KB016", 10)], errors);
        Assert.Empty(rules.Rules);
    }

    [Fact]
    public void Load_FileWithABadRegexAndATemplateError_ReportsTheRegexWithoutAStackTrace()
    {
        using var folder = new TempRules();
        folder.Write("r.yaml", """
            id: test/bad-regex
            title: t
            platform: test
            severity: high
            when:
              - log: { regex: 'disk (?<dev>[a-' }
                as: disk
            cause: { summary: s, confidence: 0.5 }
            fix:
              - 'check {{ disk.dev }}'
            """);

        var rules = RuleSet.Load(folder.Path, RepositoryPaths.Root);

        var error = Assert.Single(rules.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.Equal("KB012", error.Code);
    }
}
