using System.Text.Json.Nodes;
using KnowledgeEngine.Rules;

namespace KnowledgeEngine.Tests.Rules;

/// <summary>docs/rule.schema.json and the loader must agree on every rule in the repository.</summary>
public sealed class SchemaTests
{
    private static readonly SchemaChecker Checker = new(JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "docs", "rule.schema.json")))!);

    public static TheoryData<string> RuleFiles()
    {
        var data = new TheoryData<string>();
        foreach (var file in RuleSet.FilesIn(RepositoryPaths.Rules))
        {
            data.Add(Path.GetRelativePath(RepositoryPaths.Rules, file));
        }

        return data;
    }

    /// <summary>The whole knowledge base: a rule may name other rules (`also`) and the facts they derive.</summary>
    private static readonly Lazy<RuleSet> All = new(() => RuleSet.Load(RepositoryPaths.Rules, RepositoryPaths.Root));

    [Theory]
    [MemberData(nameof(RuleFiles))]
    public void RuleFile_PassesTheSchemaAndTheLoader(string name)
    {
        var path = Path.Combine(RepositoryPaths.Rules, name);

        var schemaErrors = Checker.Check(YamlToJson.Convert(File.ReadAllText(path)));
        var ofFile = All.Value.Diagnostics.Where(d => Path.GetFullPath(d.Span.File) == Path.GetFullPath(path)).ToList();

        Assert.Empty(schemaErrors);
        Assert.DoesNotContain(ofFile, d => d.Severity == DiagnosticSeverity.Error);
        Assert.Single(All.Value.Rules, r => Path.GetFullPath(r.Model.Span.File) == Path.GetFullPath(path));
    }

    [Theory]
    [InlineData("unknown-top-key.yaml", "$: unknown property tgas")]
    [InlineData("missing-title.yaml", "$: missing title")]
    [InlineData("weight-out-of-range.yaml", "$.evidence[0].weight: -0.1 is below 0")]
    [InlineData("bad-severity.yaml", "$.severity: \"severe\" is not one of [\"critical\",\"high\",\"medium\",\"low\",\"info\"]")]
    [InlineData("weight-in-when.yaml", "$.when[0]: unknown property weight")]
    public void BrokenFile_IsRejectedByTheSchemaToo(string name, string expected)
    {
        var errors = Checker.Check(YamlToJson.Convert(File.ReadAllText(Path.Combine(RepositoryPaths.Broken, name))));

        Assert.Contains(expected, errors);
    }
}
