using System.Text.Json;
using KnowledgeEngine.Tests.Reports;

namespace KnowledgeEngine.Tests.Rules;

/// <summary>kb's --code-rules: the C# rules of examples/csharp-rules run beside the YAML rules in diagnose,
/// test and lint, and a file that is not such an assembly is refused with what to do.</summary>
[Collection("Console")]
public class CodeRulesCommandTests
{
    private static readonly string Assembly = typeof(CSharpRules.Example.KubeletVersionSkew).Assembly.Location;
    private static readonly string Example = Path.Combine(RepositoryPaths.Root, "examples", "csharp-rules");

    [Fact]
    public void Diagnose_ranks_the_yaml_cause_of_the_fact_the_csharp_rule_derives_first()
    {
        var (code, stdout, stderr) = KbRun.Run("diagnose", "--code-rules", Assembly, "--rules", Path.Combine(Example, "rules"),
            Path.Combine(Example, "bundle"), "--format", "json");

        Assert.True(code == 0, stderr);
        var first = JsonDocument.Parse(stdout).RootElement.GetProperty("causes")[0];
        Assert.Equal("harvester/kubelet-version-skew", first.GetProperty("rule").GetString());
        Assert.Equal("The kubelet of hv-04 (v1.32.3+rke2r1) is newer than the control plane's (hv-01, v1.31.4+rke2r1)",
            first.GetProperty("summary").GetString());
    }

    [Fact]
    public void Test_runs_the_yaml_rule_examples_with_the_csharp_rule()
    {
        var (code, stdout, stderr) = KbRun.Run("test", "--code-rules", Assembly, Path.Combine(Example, "rules"));

        Assert.True(code == 0, stdout + stderr);
        Assert.Contains("4 examples: 4 passed, 0 failed", stdout);
    }

    [Fact]
    public void Lint_without_the_csharp_rule_says_to_load_it()
    {
        var (code, stdout, _) = KbRun.Run("lint", Path.Combine(Example, "rules"));

        Assert.Equal(1, code);
        Assert.Contains("no rule derives a fact named 'kubelet_version_skew'", stdout);
        Assert.Contains("or load the C# rule that derives it (--code-rules)", stdout);
    }

    [Theory]
    [InlineData("no-such.dll", "is not a file; give the .dll your C# rules are built into")]
    [InlineData("README.md", "cannot be loaded as a .NET assembly")]
    public void A_path_that_is_not_an_assembly_of_rules_is_refused(string path, string expected)
    {
        var (code, _, stderr) = KbRun.Run("diagnose", "--code-rules", Path.Combine(RepositoryPaths.Root, path), Path.Combine(Example, "bundle"));

        Assert.Equal(1, code);
        Assert.Contains(expected, stderr);
        Assert.DoesNotContain("   at ", stderr);
    }
}
