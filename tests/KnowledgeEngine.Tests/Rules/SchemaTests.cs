using System.Text.Json.Nodes;
using KnowledgeEngine.Rules;

namespace KnowledgeEngine.Tests.Rules;

/// <summary>docs/rule.schema.json and the loader must agree on every rule in the repository.</summary>
public sealed class SchemaTests
{
    private static readonly SchemaChecker Checker = new(JsonNode.Parse(File.ReadAllText(Path.Combine(RepoPaths.Root, "docs", "rule.schema.json")))!);

    public static TheoryData<string> RuleFiles()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(RepoPaths.Rules, "*.yaml", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetRelativePath(RepoPaths.Rules, file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(RuleFiles))]
    public void RuleFile_PassesTheSchemaAndTheLoader(string name)
    {
        var path = Path.Combine(RepoPaths.Rules, name);

        var schemaErrors = Checker.Check(YamlToJson.Convert(File.ReadAllText(path)));
        // With the whole knowledge base: a rule may read a fact another file derives, and its
        // examples may name other rules in also.
        var rules = AllRules.Value;

        Assert.Empty(schemaErrors);
        Assert.DoesNotContain(rules.Diagnostics, d => d.Severity == DiagnosticSeverity.Error && SameFile(d.Span.File, path));
        Assert.Single(rules.Rules, r => SameFile(r.Span.File, path));
    }

    private static readonly Lazy<RuleSet> AllRules = new(() => RuleSet.Load(RepoPaths.Rules, RepoPaths.Root));

    private static bool SameFile(string a, string b) => Path.GetFullPath(a) == Path.GetFullPath(b);

    [Theory]
    [InlineData("unknown-top-key.yaml", "$: unknown property tgas")]
    [InlineData("missing-title.yaml", "$: missing title")]
    [InlineData("weight-out-of-range.yaml", "$.evidence[0].weight: -0.1 is below 0")]
    [InlineData("bad-severity.yaml", "$.severity: \"severe\" is not one of [\"critical\",\"high\",\"medium\",\"low\",\"info\"]")]
    [InlineData("weight-in-when.yaml", "$.when[0]: unknown property weight")]
    public void BrokenFile_IsRejectedByTheSchemaToo(string name, string expected)
    {
        var errors = Checker.Check(YamlToJson.Convert(File.ReadAllText(Path.Combine(RepoPaths.Broken, name))));

        Assert.Contains(expected, errors);
    }
}
