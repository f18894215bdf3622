using System.Text.Json.Nodes;
using KnowledgeEngine.Tests.Rules;

namespace KnowledgeEngine.Tests.Reports;

/// <summary>Real `kb diagnose --format json` output against docs/diagnosis.schema.json.</summary>
[Collection("Console")]
public sealed class DiagnosisSchemaTests
{
    private static readonly SchemaChecker Checker = new(JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "docs", "diagnosis.schema.json")))!);

    private static JsonNode Report(string bundle, params string[] more)
    {
        var (code, stdout, stderr) = KbRun.Run(["diagnose", "--format", "json", KbRun.Bundle(bundle), .. more]);
        Assert.True(code == 0, stderr);
        return JsonNode.Parse(stdout)!;
    }

    [Theory]
    [InlineData("cloudpods/host-mac-changed/fires")]
    [InlineData("cloudpods/host-mac-changed/silent")]
    public void Json_RealOutput_MatchesTheSchema(string bundle)
    {
        var report = Report(bundle);

        Assert.Empty(Checker.Check(report));
    }

    [Fact]
    public void Json_Explained_MatchesTheSchema()
    {
        var report = Report("cloudpods/host-mac-changed/fires", "--explain");

        Assert.NotEmpty(report["causes"]![0]!["conditions"]!.AsArray());
        Assert.Empty(Checker.Check(report));
    }

    [Fact]
    public void Json_FiringBundle_HasACauseForTheSchemaToCheck()
    {
        var report = Report("cloudpods/host-mac-changed/fires");

        Assert.NotEmpty(report["causes"]!.AsArray());
        Assert.NotEmpty(report["causes"]![0]!["evidence"]!.AsArray());
    }

    [Theory]
    [InlineData("confidence", "1.5", "$.causes[0].confidence: 1.5 is above 1")]
    [InlineData("severity", "\"severe\"", "$.causes[0].severity: \"severe\" is not one of")]
    [InlineData("rank", "0", "$.causes[0].rank: 0 is below 1")]
    [InlineData("extra", "1", "$.causes[0]: unknown property extra")]
    public void Json_BrokenCause_IsRejected(string field, string value, string expected)
    {
        var report = Report("cloudpods/host-mac-changed/fires");
        report["causes"]![0]![field] = JsonNode.Parse(value);

        var errors = Checker.Check(report);

        Assert.Contains(errors, e => e.StartsWith(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void Json_SchemaVersion_IsPinned()
    {
        var report = Report("cloudpods/host-mac-changed/silent");
        report["schema"] = "kb.diagnosis/v1";

        Assert.NotEmpty(Checker.Check(report));
    }
}
