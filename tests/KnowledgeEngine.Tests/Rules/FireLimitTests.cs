using KnowledgeEngine.Facts;
using KnowledgeEngine.Rules;

namespace KnowledgeEngine.Tests.Rules;

/// <summary>A run that reaches the session's fire limit is reported as a warning naming the rule,
/// never as an exception, and keeps the matches found.</summary>
public class FireLimitTests
{
    private const string Deriving = """
        id: cloudpods/every-error-derives
        title: Each distinct error line derives a fact
        platform: cloudpods
        severity: low
        when:
          - log: { regex: 'error (?<n>\d+)' }
            as: line
        cause:
          summary: "error {{ line.n }} was logged"
          confidence: 0.5
        derive: { fact: error_seen, n: '{{ line.n }}' }
        """;

    private static readonly RuleSet Rules = RuleHarness.Load(Deriving);

    private static List<Fact> Errors(int count) =>
        Enumerable.Range(1, count).Select(i => (Fact)RuleHarness.Log($"error {i}", line: i)).ToList();

    [Fact]
    public void Reaching_the_fire_limit_is_a_warning_that_names_the_rule()
    {
        var run = Rules.Run(Errors(50), fireLimit: 10);

        var warning = Assert.Single(run.Warnings);
        Assert.Equal("KB301", warning.Code);
        Assert.StartsWith("rule cloudpods/every-error-derives fired more than the session's limit", warning.Message);
        Assert.Contains("rules built on them may be missing", warning.Message);
    }

    [Fact]
    public void The_matches_found_before_the_limit_are_kept()
    {
        var run = Rules.Run(Errors(50), fireLimit: 10);

        Assert.NotEmpty(run.Fired);
        Assert.All(run.Fired, f => Assert.Equal("cloudpods/every-error-derives", f.Id));
    }

    [Fact]
    public void A_run_within_the_limit_has_no_warning()
    {
        var run = Rules.Run(Errors(5), fireLimit: 100);

        Assert.Empty(run.Warnings);
        Assert.Equal(5, run.Fired.Count);
    }
}
