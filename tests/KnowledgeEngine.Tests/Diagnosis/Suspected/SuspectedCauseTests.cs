using KnowledgeEngine.Diagnosis;
using KnowledgeEngine.Facts;
using KnowledgeEngine.Rules;
using KnowledgeEngine.Tests.Rules;

namespace KnowledgeEngine.Tests.Diagnosis.Suspected;

/// <summary>How a rule whose signature holds without its other when conditions is reported:
/// suspected, its unmet conditions told apart by whether their source was collected.</summary>
public class SuspectedCauseTests
{
    private const string Rule = """
        id: cloudpods/error-with-context
        title: An error and its context line
        platform: cloudpods
        severity: high
        when:
          - log: { source: "**/host.log", regex: 'register failed for (?<ip>[0-9.]+)' }
            as: error
            signature: true
          - log: { source: "**/host.log", contains: "context line", where: source == error.source }
            as: context
            collect: grep 'context line' host.log
          - resource: { kind: host, where: access_ip == error.ip }
            as: host
            collect: climc host-list
        cause:
          summary: "the registration of {{ error.ip }} failed"
          confidence: 0.8
        """;

    private static readonly RuleSet Rules = RuleHarness.Load(Rule);

    private static FileFact File(string path) => new() { Source = path, Size = 10 };

    private static DiagnosisResult Diagnose(params Fact[] facts) =>
        Diagnoser.Rank(Rules.Run(facts), "b", null, [], null, []);

    [Fact]
    public void Signature_alone_gives_a_suspected_cause_with_each_unmet_condition()
    {
        var cause = Assert.Single(Diagnose(File("logs/host.log"), RuleHarness.Log("register failed for 10.0.0.7")).Causes);

        Assert.Equal(CauseStatus.Suspected, cause.Status);
        Assert.Equal(["context", "host"], cause.Fired.Unmet.Select(u => u.Condition.Name));
        Assert.Equal("the registration of 10.0.0.7 failed", cause.Summary);
    }

    [Fact]
    public void A_collected_log_without_the_line_counts_against_and_an_uncollected_resource_is_neutral()
    {
        var cause = Assert.Single(Diagnose(File("logs/host.log"), RuleHarness.Log("register failed for 10.0.0.7")).Causes);

        Assert.Equal([true, false], cause.Fired.Unmet.Select(u => u.SourceCollected));
        Assert.Equal(0.8 * (1 - Diagnoser.AbsentWeight) * (1 - Diagnoser.UncollectedWeight), cause.Confidence, 6);
        Assert.Equal(["climc host-list", "grep 'context line' host.log"], cause.ToConfirm.Select(m => m.Collect));
    }

    [Fact]
    public void A_collected_state_that_contradicts_a_context_condition_withdraws_the_suspicion()
    {
        var result = Diagnose(File("logs/host.log"), File("api/hosts.json"),
            RuleHarness.Log("register failed for 10.0.0.7"), RuleHarness.Resource("host", """{"name": "n1", "access_ip": "10.9.9.9"}"""));

        Assert.Empty(result.Causes);
    }

    [Fact]
    public void All_conditions_holding_gives_one_confirmed_cause_and_no_suspected_one()
    {
        var result = Diagnose(File("logs/host.log"), RuleHarness.Log("register failed for 10.0.0.7"),
            RuleHarness.Log("a context line", line: 2), RuleHarness.Resource("host", """{"name": "n1", "access_ip": "10.0.0.7"}"""));

        var cause = Assert.Single(result.Causes);
        Assert.Equal(CauseStatus.Confirmed, cause.Status);
        Assert.Empty(cause.Fired.Unmet);
    }

    [Fact]
    public void No_signature_fact_gives_no_cause()
    {
        Assert.Empty(Diagnose(File("logs/host.log"), RuleHarness.Log("a context line")).Causes);
    }
}
