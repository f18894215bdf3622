using System.Text.Json;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using KnowledgeEngine.Tests.Reports;
using KnowledgeEngine.Tests.Rules;

namespace KnowledgeEngine.Tests.Evaluation;

/// <summary>kb eval over the fixture cases in Cases/ (one hit, one false claim, one quiet case): its
/// figures in every format, and the ratchet that fails a drop.</summary>
[Collection("Console")]
public sealed class EvalCommandTests : IDisposable
{
    private static readonly string Cases = Path.Combine(RepositoryPaths.Root, "tests", "KnowledgeEngine.Tests", "Evaluation", "Cases");
    private readonly DirectoryInfo _temp = Directory.CreateTempSubdirectory("kb-eval-test-");

    public void Dispose() => _temp.Delete(recursive: true);

    [Fact]
    public void Eval_Table_PrintsEachCaseTheTotalsAndTheBaseline()
    {
        var (code, stdout, stderr) = KbRun.Run("eval", Cases);

        Assert.True(code == 0, stderr);
        Assert.Matches(@"fixture-mac-changed\s+cloudpods/host-mac-changed\s+hit\s+hit\s+cloudpods/host-mac-changed \(confirmed 0\.\d\d\)", stdout);
        Assert.Matches(@"fixture-claimed\s+none\s+false claim", stdout);
        Assert.Matches(@"fixture-quiet\s+none\s+quiet\s+quiet\s+no cause \| none", stdout);
        Assert.Contains("top-1         1/1 (100%)      1/1 (100%)", stdout);
        Assert.Contains("false claims  1/2 (50%)       1/2 (50%)", stdout);
        Assert.Contains("none                        →  cloudpods/host-mac-changed: 1", stdout);
    }

    [Fact]
    public void Eval_Json_CarriesTheCasesTotalsPlatformsAndConfusion()
    {
        var (code, stdout, stderr) = KbRun.Run("eval", Cases, "--format", "json");

        Assert.True(code == 0, stderr);
        var root = JsonDocument.Parse(stdout).RootElement;
        Assert.Equal("kb.eval/v1", root.GetProperty("schema").GetString());
        Assert.Equal(3, root.GetProperty("cases").GetArrayLength());
        var rules = root.GetProperty("totals").GetProperty("rules");
        Assert.Equal((1, 1), (rules.GetProperty("top1").GetInt32(), rules.GetProperty("false_claims").GetInt32()));
        Assert.Equal(["cloudpods", "talos"], root.GetProperty("platforms").EnumerateArray().Select(p => p.GetProperty("group").GetString()));
        Assert.Contains(root.GetProperty("cases").EnumerateArray(), c => c.GetProperty("id").GetString() == "fixture-claimed"
            && c.GetProperty("rules").GetString() == "false_claim" && c.GetProperty("causes")[0].GetProperty("status").GetString() == "confirmed");
        Assert.Equal(3, root.GetProperty("confusion").GetArrayLength());
    }

    [Theory]
    [InlineData("tests/KnowledgeEngine.Tests/Evaluation/Cases")]
    [InlineData("tests/real-cases")]
    public void Eval_Json_MatchesTheSchema(string folder)
    {
        var (code, stdout, stderr) = KbRun.Run("eval", Path.Combine(RepositoryPaths.Root, folder), "--format", "json");
        var checker = new SchemaChecker(JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "docs", "eval.schema.json")))!);

        Assert.True(code == 0, stderr);
        Assert.Empty(checker.Check(JsonNode.Parse(stdout)));
    }

    [Fact]
    public void Eval_JUnit_FailsTheMissesAndFalseClaimsOnly()
    {
        var file = Path.Combine(_temp.FullName, "out", "eval.xml");

        var (code, _, stderr) = KbRun.Run("eval", Cases, "--junit", file);

        Assert.True(code == 0, stderr);
        var suites = XDocument.Load(file).Root!;
        Assert.Equal(("3", "1"), (suites.Attribute("tests")!.Value, suites.Attribute("failures")!.Value));
        var failed = suites.Descendants("testcase").Single(t => t.Element("failure") is not null);
        Assert.Equal("fixture-claimed", failed.Attribute("name")!.Value);
    }

    [Fact]
    public void Ratchet_FiguresAsRecorded_Passes()
    {
        var (code, _, stderr) = KbRun.Run("eval", Cases, "--ratchet", Record(top1: 1, falseClaims: 1));

        Assert.True(code == 0, stderr);
        Assert.DoesNotContain("ratchet", stderr);
    }

    [Fact]
    public void Ratchet_TopOneBelowTheRecord_ExitsTwoAndSaysSo()
    {
        var record = Record(top1: 2, falseClaims: 1);

        var (code, _, stderr) = KbRun.Run("eval", Cases, "--ratchet", record);

        Assert.Equal(2, code);
        Assert.Contains($"ratchet: top-1 fell to 1, below the 2 recorded in {record}", stderr);
    }

    [Fact]
    public void Ratchet_FalseClaimsAboveTheRecord_ExitsTwoAndSaysSo()
    {
        var (code, _, stderr) = KbRun.Run("eval", Cases, "--ratchet", Record(top1: 1, falseClaims: 0));

        Assert.Equal(2, code);
        Assert.Contains("ratchet: false claims rose to 1, above the 0 recorded", stderr);
    }

    [Fact]
    public void Ratchet_BetterThanTheRecord_PassesAndAsksToRecordIt()
    {
        var (code, _, stderr) = KbRun.Run("eval", Cases, "--ratchet", Record(top1: 0, falseClaims: 2));

        Assert.Equal(0, code);
        Assert.Contains("the figures improved (top-1 1, false claims 1); record them in", stderr);
    }

    [Fact]
    public void Ratchet_RecordWithoutTheFigures_ExitsOneNamingTheLinesToWrite()
    {
        var file = Path.Combine(_temp.FullName, "accuracy.md");
        File.WriteAllText(file, "# Accuracy\n");

        var (code, _, stderr) = KbRun.Run("eval", Cases, "--ratchet", file);

        Assert.Equal(1, code);
        Assert.Contains("write the lines '- top-1 at least: **N**'", stderr);
    }

    [Fact]
    public void Eval_BrokenCaseFiles_ExitsOneListingEveryOne()
    {
        var broken = Path.Combine(RepositoryPaths.Root, "tests", "KnowledgeEngine.Tests", "Evaluation", "BrokenCases");
        var count = Directory.GetFiles(broken, "*.yaml").Length;

        var (code, stdout, stderr) = KbRun.Run("eval", broken);

        Assert.Equal(1, code);
        Assert.Equal("", stdout);
        Assert.Contains($"kb eval: {count} case files cannot be read (above)", stderr);
        Assert.Equal(count, stderr.Split('\n').Count(l => l.StartsWith(broken, StringComparison.Ordinal)));
        Assert.DoesNotContain("   at ", stderr);
    }

    [Fact]
    public void Eval_NotAFolder_ExitsOne()
    {
        var (code, _, stderr) = KbRun.Run("eval", Path.Combine(_temp.FullName, "missing"));

        Assert.Equal(1, code);
        Assert.Contains("is not a folder; give the folder that holds the case files", stderr);
    }

    private string Record(int top1, int falseClaims)
    {
        var file = Path.Combine(_temp.FullName, $"accuracy-{top1}-{falseClaims}.md");
        File.WriteAllText(file, $"# Accuracy\n\n## Ratchet\n\n- top-1 at least: **{top1}**\n- false claims at most: **{falseClaims}**\n");
        return file;
    }
}
