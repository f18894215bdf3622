using CSharpRules.Example;
using KnowledgeEngine.Diagnosis.Examples;
using KnowledgeEngine.NRules.Fluent;
using KnowledgeEngine.Rules;

namespace KnowledgeEngine.NRules.Tests;

/// <summary>A rule written in C# with NRules' fluent DSL in the same session as YAML rules: the example of
/// examples/csharp-rules (docs/engines.md, "C# rules"), whose C# rule derives the fact its YAML rule reads.</summary>
public class CSharpRuleTests
{
    private static readonly string ExampleRules = Path.Combine(Repository.Root, "examples", "csharp-rules", "rules");

    private static IReadOnlyList<CodeRule> ExampleCode() =>
        FluentRules.FromAssembly(typeof(KubeletVersionSkew).Assembly).Select(CodeRule.Of).ToList();

    [Fact]
    public void The_example_assembly_holds_one_code_rule_deriving_the_fact_the_yaml_rule_reads()
    {
        var rule = Assert.Single(ExampleCode());

        Assert.Equal("harvester/kubelet-version-skew-check", rule.Name);
        Assert.Equal("kubelet_version_skew", rule.Fact);
        Assert.Contains("control_plane_kubelet", rule.Fields);
    }

    [Theory]
    [InlineData("ours")]
    [InlineData("nrules")]
    public void The_yaml_rule_examples_pass_with_the_csharp_rule_in_the_session(string engine)
    {
        var rules = RuleSet.Load([ExampleRules], Repository.Root, ExampleCode());
        Assert.False(rules.HasErrors, string.Join("\n", rules.Diagnostics));

        var results = new ExampleRunner(engine == "ours" ? rules : rules.WithEngine(NRulesCompiler.Compile)).RunAll().ToList();

        Assert.All(results, r => Assert.True(r.Passed, $"{r.Name}: {r.NotRun} {string.Join("; ", r.Problems)}"));
        Assert.Equal(4, results.Count);
    }

    [Fact]
    public void Without_the_csharp_rule_the_fact_the_yaml_rule_reads_is_unknown()
    {
        var rules = RuleSet.Load([ExampleRules], Repository.Root);

        var error = rules.Diagnostics.First(d => d.Severity == DiagnosticSeverity.Error);
        Assert.Equal("KB017", error.Code);
        Assert.Contains("no rule derives a fact named 'kubelet_version_skew'", error.Message);
        Assert.Empty(rules.Rules);
    }

    [Fact]
    public void A_yaml_rule_with_the_name_of_a_code_rule_is_refused()
    {
        var example = ExampleCode()[0];
        var clash = new CodeRule(example.Definition with { Name = "harvester/kubelet-version-skew" }, example.Fact, example.Fields);

        var rules = RuleSet.Load([ExampleRules], Repository.Root, [clash]);

        var error = Assert.Single(rules.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.Equal("KB014", error.Code);
        Assert.Contains("is also the name of a code rule", error.Message);
    }

    [Fact]
    public void A_rule_class_without_derives_is_refused_with_what_to_add()
    {
        var definition = Assert.Single(FluentRules.From(new FluentRuleShapes.WithoutDerives()));

        var error = Assert.Throws<ArgumentException>(() => CodeRule.Of(definition));

        Assert.Contains("put [Derives(\"fact_name\", \"field\", ...)] on its class", error.Message);
    }

    [Fact]
    public void A_malformed_derived_fact_name_is_refused()
    {
        var definition = Assert.Single(FluentRules.From(new FluentRuleShapes.WithoutDerives()));

        var error = Assert.Throws<ArgumentException>(() => new CodeRule(definition, "Kubelet-Skew", []));

        Assert.Contains("names are lower-case letters, digits and '_'", error.Message);
    }
}
