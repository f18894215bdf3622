using KnowledgeEngine.Diagnosis.Examples;
using KnowledgeEngine.Rules;
using KnowledgeEngine.Tests.Rules;

namespace KnowledgeEngine.Tests.Evaluation;

/// <summary>A rule's example may name a real case (case: tests/real-cases/&lt;id&gt;.yaml): the case's
/// files, at its paths, are the example's facts.</summary>
public sealed class CaseExampleTests
{
    private const string RealCase = "tests/real-cases/talos-6736-kubelet-serving-cert-csr-not-approved.yaml";

    private static string Rule(string example) => TempRules.Minimal("talos/kubelet-serving-fixture",
        when: "  - log: { source: '*/dmesg.log', contains: 'remote error: tls: internal error' }\n    as: tls\n",
        extra: "examples:\n" + example);

    private static RuleSet Load(TempRules folder, string example) =>
        RuleSet.Load([folder.Write("talos/fixture.yaml", Rule(example))], RepositoryPaths.Root);

    [Fact]
    public void Example_NamingARealCase_RunsOnItsFiles()
    {
        using var folder = new TempRules();
        var rules = Load(folder, $"  - name: the published report\n    expect: fires\n    case: {RealCase}\n");
        Assert.False(rules.HasErrors, string.Join("\n", rules.Diagnostics));

        var result = Assert.Single(new ExampleRunner(rules).RunAll());

        Assert.True(result.Passed, string.Join("\n", result.Problems));
        Assert.Contains("talos/kubelet-serving-fixture", result.Fired);
    }

    [Fact]
    public void Example_NamingACaseThatIsNotThere_IsKB024()
    {
        using var folder = new TempRules();
        var rules = Load(folder, "  - name: gone\n    expect: fires\n    case: tests/real-cases/nowhere.yaml\n");

        Assert.Contains(rules.Diagnostics, d => d.Code == "KB024" && d.Message == "example case 'tests/real-cases/nowhere.yaml' does not exist");
    }

    [Fact]
    public void Example_WithFilesAndACase_IsKB023()
    {
        using var folder = new TempRules();
        var rules = Load(folder, $"  - name: both\n    expect: fires\n    files: {{ a.log: x }}\n    case: {RealCase}\n");

        Assert.Contains(rules.Diagnostics, d => d.Code == "KB023" && d.Message == "an example has both files and case");
    }
}
