using KnowledgeEngine.Facts.Cases;

namespace KnowledgeEngine.Tests.Evaluation;

/// <summary>Case files that cannot be read fail with file:line:col and what to write; each fixture in
/// BrokenCases/ states its expected message on its first line (# error: '…').</summary>
public sealed class RealCaseReaderTests
{
    private static readonly string Broken = Path.Combine(RepositoryPaths.Root, "tests", "KnowledgeEngine.Tests", "Evaluation", "BrokenCases");

    public static TheoryData<string> BrokenFiles() => new(Directory.GetFiles(Broken, "*.yaml").Select(Path.GetFileName).Order(StringComparer.Ordinal)!);

    [Theory]
    [MemberData(nameof(BrokenFiles))]
    public void Read_BrokenCase_FailsWithThePositionedMessageTheFixtureStates(string name)
    {
        var file = Path.Combine(Broken, name);
        var expected = File.ReadLines(file).First() is var first && first.StartsWith("# error: '", StringComparison.Ordinal)
            ? first["# error: '".Length..^1] : throw new InvalidOperationException($"{name}: the first line must be # error: '<message>'");

        var error = Assert.Throws<CaseFileException>(() => RealCaseReader.Read(file));

        Assert.StartsWith(file + ":", error.Message);
        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void Parse_ExpectNone_MeansNoExpectedRule()
    {
        var realCase = RealCaseReader.Parse("x/quiet.yaml", """
            id: quiet
            platform: talos
            source: https://example.invalid/fixture
            expect: none
            label_confidence: low
            files:
              - { path: a/b.log, stored: collector, kind: log, content: "line" }
            """);

        Assert.Null(realCase.Expect);
        Assert.Equal(CaseStorage.Collector, Assert.Single(realCase.Files).Stored);
    }

    [Fact]
    public void Parse_ContentKeepsLeadingSpacesAndBackslashesAsWritten()
    {
        var realCase = RealCaseReader.Parse("x/verbatim.yaml", "id: verbatim\nplatform: talos\nsource: s\nexpect: talos/x\nlabel_confidence: high\nfiles:\n" +
            "  - path: node/dmesg.log\n    stored: collector\n    kind: log\n    content: |2-\n       [talos] \\x5c\"quoted\\x5c\"\n      second\n");

        Assert.Equal(" [talos] \\x5c\"quoted\\x5c\"\nsecond", realCase.Files[0].Content);
        Assert.Equal("talos/x", realCase.Expect);
    }
}
