using KnowledgeEngine.Rules;

namespace KnowledgeEngine.Tests.Rules;

/// <summary>A log condition whose regex has no literal is gated by a partner of the same rule when its where
/// reads only records after the partner's in the same file (docs/facts.md, "Scan plans").</summary>
public sealed class ScanGateTests
{
    private static string Rule(string where) => $$"""
        id: talos/tree-after-error
        title: A YAML tree printed after an error line
        platform: talos
        severity: high
        when:
          - log: { contains: "unknown keys found during decoding" }
            as: unknown
            signature: true
          - log: { regex: '(?m)^\s*(?<section>[a-z][A-Za-z]+):\s*$', where: "{{where}}" }
            as: tree
            collect: the whole output of the command
        cause:
          summary: Keys were rejected.
          confidence: 0.5
        """;

    private static RuleSet Load(string where) => RuleHarness.Load(Rule(where));

    [Theory]
    [InlineData("source == unknown.source and line > unknown.line")]
    [InlineData("unknown.line < line and unknown.source == source")]
    [InlineData("line >= unknown.line and source == unknown.source and section != 'x'")]
    public void A_regex_read_after_its_partner_in_the_same_file_is_opened_by_the_partner(string where)
    {
        var plan = Load(where).ScanPlan;

        var tree = Assert.Single(plan.Patterns, p => p.IsRegex);
        var gate = Assert.Single(plan.Patterns, p => !p.IsRegex);
        Assert.Equal(gate.Id, tree.After);
    }

    [Fact]
    public void A_gated_regex_gets_no_scan_warning()
    {
        Assert.DoesNotContain(Load("source == unknown.source and line > unknown.line").Lint(), d => d.Code == "KB057");
    }

    [Fact]
    public void A_partner_that_is_not_a_signature_does_not_gate_a_signature_whose_join_a_suspected_match_drops()
    {
        var rules = RuleHarness.Load(Rule("source == unknown.source and line > unknown.line")
            .Replace("    signature: true\n", "").Replace("as: tree\n", "as: tree\n    signature: true\n"));

        Assert.Null(Assert.Single(rules.ScanPlan.Patterns, p => p.IsRegex).After);
    }

    [Theory]
    [InlineData("source == unknown.source")]
    [InlineData("line > unknown.line")]
    [InlineData("source == unknown.source or line > unknown.line")]
    public void Without_both_the_same_file_and_a_later_line_the_regex_stays_ungated_and_lint_warns(string where)
    {
        var rules = Load(where);

        Assert.Null(Assert.Single(rules.ScanPlan.Patterns, p => p.IsRegex).After);
        Assert.Contains(rules.Lint(), d => d.Code == "KB057");
    }
}
