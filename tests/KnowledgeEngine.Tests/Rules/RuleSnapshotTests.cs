using KnowledgeEngine.Diagnosis;
using KnowledgeEngine.Facts;
using KnowledgeEngine.Rules;

namespace KnowledgeEngine.Tests.Rules;

/// <summary>A snapshot of the built-in rules (what kb writes when it is built and kb diagnose reads) loads the same
/// rules, networks and scan plan as the YAML files, and diagnoses every example bundle and real case the same way.</summary>
public class RuleSnapshotTests
{
    private const string Key = "test-build";

    private static readonly Lazy<byte[]> Written = new(() =>
    {
        using var stream = new MemoryStream();
        RuleSnapshot.Write(DiagnosisLoadTests.BuiltIn, Key, stream);
        return stream.ToArray();
    });

    private static RuleSet FromSnapshot() => RuleSet.Load(RuleSnapshot.Read(new MemoryStream(Written.Value), Key)!, null);

    [Fact]
    public void A_snapshot_loads_the_same_rules_networks_and_scan_plan_as_the_yaml_files()
    {
        var yaml = RuleSet.Load(DiagnosisLoadTests.BuiltIn.Select(s => s.AsBuiltInForDiagnosis()), null);

        var snapshot = FromSnapshot();

        Assert.Empty(snapshot.Diagnostics);
        Assert.Equal(yaml.Rules.Select(r => (r.Id, r.Location, r.Title)), snapshot.Rules.Select(r => (r.Id, r.Location, r.Title)));
        Assert.Equal(
            yaml.Compiled.Select(c => string.Join(";", c.Definitions.Select(d => $"{d.Name}/{d.Elements.Count}"))),
            snapshot.Compiled.Select(c => string.Join(";", c.Definitions.Select(d => $"{d.Name}/{d.Elements.Count}"))));
        Assert.Equal(yaml.ScanPlan.Patterns.Select(DiagnosisLoadTests.Describe), snapshot.ScanPlan.Patterns.Select(DiagnosisLoadTests.Describe));
    }

    [Theory]
    [MemberData(nameof(DiagnosisLoadTests.Bundles), MemberType = typeof(DiagnosisLoadTests))]
    public void An_example_bundle_gets_the_same_causes_from_a_snapshot(string bundle)
    {
        using var opened = Bundle.Open(Path.Combine(RepositoryPaths.Rules, bundle));
        using var again = Bundle.Open(Path.Combine(RepositoryPaths.Rules, bundle));

        Assert.Equal(DiagnosisLoadTests.Shape(Diagnoser.Diagnose(DiagnosisLoadTests.Full.Value, opened)),
            DiagnosisLoadTests.Shape(Diagnoser.Diagnose(FromSnapshot(), again)));
    }

    [Theory]
    [MemberData(nameof(Evaluation.RealCorpusTests.CaseFiles), MemberType = typeof(Evaluation.RealCorpusTests))]
    public void A_real_case_gets_the_same_causes_from_a_snapshot(string file)
    {
        var realCase = KnowledgeEngine.Facts.Cases.RealCaseReader.Read(Path.Combine(RepositoryPaths.Root, "tests", "real-cases", file));
        using var opened = KnowledgeEngine.Facts.Cases.CaseBundle.Open(realCase);

        Assert.Equal(DiagnosisLoadTests.Shape(Diagnoser.Diagnose(DiagnosisLoadTests.Full.Value, opened.Bundle)),
            DiagnosisLoadTests.Shape(Diagnoser.Diagnose(FromSnapshot(), opened.Bundle)));
    }

    [Fact]
    public void A_snapshot_written_under_another_key_is_not_read()
    {
        Assert.Null(RuleSnapshot.Read(new MemoryStream(Written.Value), "another-build"));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(10)]
    [InlineData(1000)]
    [InlineData(-100)]
    public void A_cut_snapshot_is_not_read(int keep)
    {
        var cut = Written.Value[..(keep >= 0 ? keep : Written.Value.Length + keep)];

        Assert.Null(RuleSnapshot.Read(new MemoryStream(cut), Key));
    }

    [Fact]
    public void A_file_that_is_not_a_snapshot_is_not_read()
    {
        Assert.Null(RuleSnapshot.Read(new MemoryStream(System.Text.Encoding.UTF8.GetBytes("id: cloudpods/x\ntitle: not a snapshot\n")), Key));
    }

    /// <summary>Every field of every rule model comes back: compared as reflection-written JSON, so a field added to the
    /// model and forgotten by the snapshot fails here.</summary>
    [Fact]
    public void Every_rule_model_comes_back_whole()
    {
        var options = new System.Text.Json.JsonSerializerOptions { IncludeFields = true, WriteIndented = true };
        var yaml = RuleSet.Load(DiagnosisLoadTests.BuiltIn.Select(s => s.AsBuiltInForDiagnosis()), null);

        var snapshot = FromSnapshot();

        Assert.Equal(yaml.AllRules.Select(m => System.Text.Json.JsonSerializer.Serialize(m, options)),
            snapshot.AllRules.Select(m => System.Text.Json.JsonSerializer.Serialize(m, options)));
    }

    [Fact]
    public void Rules_with_errors_get_no_snapshot()
    {
        var broken = new RuleSource("rules/test/broken.yaml", "id: test/broken\ntitle: t\nplatform: test\nwhen: 3\n");

        var error = Assert.Throws<InvalidOperationException>(() => RuleSnapshot.Write([broken], Key, new MemoryStream()));

        Assert.Contains("rules/test/broken.yaml", error.Message);
    }
}
