using System.Text.Json;
using System.Text.Json.Nodes;
using KnowledgeEngine.Tests.Reports;
using KnowledgeEngine.Tests.Rules;

namespace KnowledgeEngine.Tests.Diagnosis.Related;

/// <summary>When no cause is found, kb diagnose lists related articles (not diagnosed) apart from the
/// causes, in every format; when a cause is found, it lists none. The fixture undiagnosed/ is an
/// operator's note no rule reads, worded like the CloudStack VPC routers article.</summary>
[Collection("Console")]
public sealed class RelatedArticlesTests
{
    private static readonly string Undiagnosed = Path.Combine(RepositoryPaths.Root, "tests", "KnowledgeEngine.Tests", "Diagnosis", "Related", "undiagnosed");

    [Fact]
    public void Json_NoCause_ListsTheArticleThatReadsLikeTheBundle()
    {
        var (code, stdout, stderr) = KbRun.Run("diagnose", Undiagnosed, "--format", "json");

        Assert.True(code == 0, stderr);
        var root = JsonDocument.Parse(stdout).RootElement;
        Assert.Equal(0, root.GetProperty("causes").GetArrayLength());
        var first = root.GetProperty("related_articles")[0];
        Assert.Equal("cloudstack/vpc-routers-both-backup.md", first.GetProperty("article").GetString());
        Assert.True(first.GetProperty("score").GetDouble() >= KnowledgeEngine.Retrieval.RelatedArticles.MinScore);
    }

    [Fact]
    public void Json_NoCause_MatchesTheSchema()
    {
        var (_, stdout, _) = KbRun.Run("diagnose", Undiagnosed, "--format", "json");
        var checker = new SchemaChecker(JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "docs", "diagnosis.schema.json")))!);

        Assert.Empty(checker.Check(JsonNode.Parse(stdout)!));
    }

    [Fact]
    public void Json_ACauseFound_ListsNoRelatedArticles()
    {
        var (code, stdout, stderr) = KbRun.Run("diagnose", KbRun.Bundle("cloudpods/host-mac-changed/fires"), "--format", "json");

        Assert.True(code == 0, stderr);
        Assert.Equal(0, JsonDocument.Parse(stdout).RootElement.GetProperty("related_articles").GetArrayLength());
    }

    [Fact]
    public void Table_NoCause_ShowsTheRelatedArticlesUnderTheirOwnHeading()
    {
        var file = Path.Combine(Directory.CreateTempSubdirectory("kb-related-").FullName, "table.txt");

        var (code, _, stderr) = KbRun.Run("diagnose", Undiagnosed, "-o", file);

        Assert.True(code == 0, stderr);
        var table = File.ReadAllText(file);
        Assert.Contains("No known cause matched this bundle.", table);
        Assert.Contains("related articles (not diagnosed", table);
        Assert.Contains("knowledge/cloudstack/vpc-routers-both-backup.md", table);
        Directory.Delete(Path.GetDirectoryName(file)!, recursive: true);
    }

    [Fact]
    public void Markdown_NoCause_ListsTheRelatedArticlesAfterTheSummary()
    {
        var (code, stdout, stderr) = KbRun.Run("diagnose", Undiagnosed, "--format", "markdown");

        Assert.True(code == 0, stderr);
        Assert.Contains("Related articles (not diagnosed", stdout);
        Assert.Contains("(`knowledge/cloudstack/vpc-routers-both-backup.md`)", stdout);
    }
}
