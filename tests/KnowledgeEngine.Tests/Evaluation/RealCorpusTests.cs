using System.Text.RegularExpressions;
using KnowledgeEngine.Facts.Cases;
using KnowledgeEngine.Rules;
using KnowledgeEngine.Tests.Reports;

namespace KnowledgeEngine.Tests.Evaluation;

/// <summary>The project's corpus, tests/real-cases: every case reads, links its public thread and is
/// labelled with a rule that exists (or none), and docs/accuracy.md records what kb eval prints on it.</summary>
[Collection("Console")]
public sealed class RealCorpusTests
{
    private static readonly string Corpus = Path.Combine(RepositoryPaths.Root, "tests", "real-cases");

    public static TheoryData<string> CaseFiles() => new(RealCaseReader.FilesIn(Corpus).Select(Path.GetFileName)!);

    [Fact]
    public void Corpus_HoldsAllThirtyFourConvertedReports()
    {
        Assert.True(RealCaseReader.FilesIn(Corpus).Count >= 34);
    }

    [Theory]
    [MemberData(nameof(CaseFiles))]
    public void Case_ReadsLinksItsThreadAndNamesARuleThatExists(string name)
    {
        var realCase = RealCaseReader.Read(Path.Combine(Corpus, name));

        Assert.Matches(@"^https://github\.com/[\w.-]+/[\w.-]+/(issues|pull|discussions)/\d+$", realCase.Source);
        Assert.StartsWith(realCase.Platform + "-", realCase.Id);
        if (realCase.Expect is { } rule)
        {
            Assert.Contains(rule, BuiltInRuleIds.Value);
        }
    }

    [Fact]
    public void AccuracyDoc_ShowsTheTotalsKbEvalPrintsAndRatchetsThem()
    {
        var (code, stdout, stderr) = KbRun.Run("eval", Corpus);
        Assert.True(code == 0, stderr);
        var doc = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "docs", "accuracy.md"));

        // The totals and the per-platform table as printed: from the "N cases:" line to the confusion table.
        var from = stdout.LastIndexOf('\n', stdout.IndexOf(" cases: ", StringComparison.Ordinal)) + 1;
        var block = stdout[from..stdout.IndexOf("\n\nconfusion", StringComparison.Ordinal)];
        Assert.True(doc.Contains(block + "\n```", StringComparison.Ordinal), $"docs/accuracy.md must show, in a text block, what kb eval prints:\n{block}");

        var record = KnowledgeEngine.Evaluation.AccuracyRecord.Parse("docs/accuracy.md", doc);
        var top1 = int.Parse(Regex.Match(block, @"^top-1\s+(\d+)/", RegexOptions.Multiline).Groups[1].Value);
        var falseClaims = int.Parse(Regex.Match(block, @"^false claims\s+(\d+)/", RegexOptions.Multiline).Groups[1].Value);
        Assert.Equal((top1, falseClaims), (record.MinTop1, record.MaxFalseClaims));
    }

    private static readonly Lazy<HashSet<string>> BuiltInRuleIds = new(() =>
        RuleSet.Load(Path.Combine(RepositoryPaths.Root, "rules"), RepositoryPaths.Root).Rules.Select(r => r.Id).ToHashSet(StringComparer.Ordinal));
}
