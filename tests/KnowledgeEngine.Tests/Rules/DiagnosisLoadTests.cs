using KnowledgeEngine.Diagnosis;
using KnowledgeEngine.Facts;
using KnowledgeEngine.Rules;
using KnowledgeEngine.Rules.Loading;

namespace KnowledgeEngine.Tests.Rules;

/// <summary>A load for a diagnosis (kb diagnose): the rules' examples are not read and the built-in rules, validated
/// when kb was built, are not validated again. It must load the same rules as a full load, with the same networks
/// and scan plan, and lose nothing a diagnosis uses.</summary>
public class DiagnosisLoadTests
{
    internal static readonly List<RuleSource> BuiltIn =
        RuleSet.FilesIn(RepositoryPaths.Rules).Select(f => new RuleSource(Path.GetRelativePath(RepositoryPaths.Root, f), File.ReadAllText(f))).ToList();

    [Fact]
    public void Without_examples_and_validation_the_same_rules_load_with_the_same_networks_and_scan_plan()
    {
        var full = RuleSet.Load(BuiltIn, null);
        var forDiagnosis = RuleSet.Load(BuiltIn.Select(s => s.AsBuiltInForDiagnosis()), null);

        Assert.DoesNotContain(forDiagnosis.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.Equal(full.Rules.Select(r => (r.Id, r.Location)), forDiagnosis.Rules.Select(r => (r.Id, r.Location)));
        Assert.Equal(
            full.Compiled.Select(c => string.Join(";", c.Definitions.Select(d => $"{d.Name}/{d.Elements.Count}"))),
            forDiagnosis.Compiled.Select(c => string.Join(";", c.Definitions.Select(d => $"{d.Name}/{d.Elements.Count}"))));
        Assert.Equal(full.ScanPlan.Patterns.Select(Describe), forDiagnosis.ScanPlan.Patterns.Select(Describe));
        Assert.All(forDiagnosis.Rules, r => Assert.Empty(r.Model.Examples));
    }

    public static TheoryData<string> Bundles()
    {
        var data = new TheoryData<string>();
        foreach (var bundle in Directory.GetDirectories(RepositoryPaths.Rules).Select(p => Path.Combine(p, RuleSet.ExamplesFolder)).Where(Directory.Exists)
                     .SelectMany(e => Directory.GetDirectories(e).SelectMany(Directory.GetDirectories)).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetRelativePath(RepositoryPaths.Rules, bundle).Replace('\\', '/'));
        }

        return data;
    }

    /// <summary>Every example bundle: the same causes, in the same order, with the same status, confidence, evidence and
    /// fix, while only the rules the bundle can bring into the report get compiled.</summary>
    [Theory]
    [MemberData(nameof(Bundles))]
    public void A_diagnosis_compiles_only_the_rules_its_bundle_can_report_and_finds_the_same_causes(string bundle)
    {
        var forDiagnosis = RuleSet.Load(BuiltIn.Select(s => s.AsBuiltInForDiagnosis()), null);
        using var opened = Bundle.Open(Path.Combine(RepositoryPaths.Rules, bundle));
        using var again = Bundle.Open(Path.Combine(RepositoryPaths.Rules, bundle));

        var expected = Diagnoser.Diagnose(Full.Value, opened);
        var actual = Diagnoser.Diagnose(forDiagnosis, again);

        Assert.Equal(Shape(expected), Shape(actual));
        Assert.True(forDiagnosis.CompiledCount < forDiagnosis.FileCount / 2, $"{forDiagnosis.CompiledCount} of {forDiagnosis.FileCount} rules compiled");
    }

    /// <summary>Every real case (tests/real-cases): the same causes both ways.</summary>
    [Theory]
    [MemberData(nameof(Evaluation.RealCorpusTests.CaseFiles), MemberType = typeof(Evaluation.RealCorpusTests))]
    public void A_real_case_gets_the_same_causes_from_a_diagnosis_load(string file)
    {
        var realCase = KnowledgeEngine.Facts.Cases.RealCaseReader.Read(Path.Combine(RepositoryPaths.Root, "tests", "real-cases", file));
        using var opened = KnowledgeEngine.Facts.Cases.CaseBundle.Open(realCase);

        var expected = Diagnoser.Diagnose(Full.Value, opened.Bundle);
        var actual = Diagnoser.Diagnose(RuleSet.Load(BuiltIn.Select(s => s.AsBuiltInForDiagnosis()), null), opened.Bundle);

        Assert.Equal(Shape(expected), Shape(actual));
    }

    internal static readonly Lazy<RuleSet> Full = new(() => RuleSet.Load(BuiltIn, null));

    internal static string Shape(DiagnosisResult r) => string.Join("\n", r.Causes.Select(c =>
        $"{c.RuleId} {c.Status} {c.Confidence:F4} [{string.Join("; ", c.Evidence.Select(e => e.Location))}] [{string.Join("; ", c.Fired.Fix)}]"));

    internal static string Describe(KnowledgeEngine.Facts.ScanPattern p) =>
        $"{p.Id}|{p.Text}|{p.IsRegex}|{string.Join(",", p.Prefilter)}|{p.Counted}|{string.Join(",", p.Sources)}|{p.InValues}|{p.After}|{string.Join(",", p.AlsoRequired)}";

    [Fact]
    public void A_user_file_read_without_examples_is_still_validated()
    {
        var broken = new RuleSource("mine/bad.yaml", "id: mine/bad\ntitle: t\nplatform: mine\nseverity: urgent\nwhen:\n  - log: { contains: x }\ncause: { summary: s, confidence: 0.5 }\n")
        {
            ReadExamples = false,
        };

        var rules = RuleSet.Load([broken], null);

        Assert.Contains(rules.Diagnostics, d => d.Severity == DiagnosticSeverity.Error && d.Message.Contains("urgent", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("id: a\nexamples:\n  - name: x\n    files:\n      a.log: |\n        examples:\n        id: b\n", "id: a\n\n\n\n\n\n\n")]
    [InlineData("id: a\nexamples:\n- name: x\n  expect: fires\n# a comment\n\ncause: c\n", "id: a\n\n\n\n\n\ncause: c\n")]
    [InlineData("id: a\ncause: c\n", "id: a\ncause: c\n")]
    [InlineData("examples: []\nid: a", "\nid: a")]
    [InlineData("id: a\n  examples: 1\nwhen: w\n", "id: a\n  examples: 1\nwhen: w\n")]
    public void The_examples_section_becomes_empty_lines_up_to_the_next_top_level_key(string text, string expected)
    {
        Assert.Equal(expected, ExampleSection.Without(text));
    }

    [Fact]
    public void Every_line_after_the_examples_section_keeps_its_number()
    {
        foreach (var source in BuiltIn)
        {
            var lines = source.Text!.Split('\n');
            var without = ExampleSection.Without(source.Text).Split('\n');

            Assert.Equal(lines.Length, without.Length);
            Assert.All(without.Select((line, i) => (line, i)).Where(l => l.line.Length > 0), l => Assert.Equal(lines[l.i], l.line));
        }
    }
}
