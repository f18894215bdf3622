using KnowledgeEngine.Diagnosis;
using KnowledgeEngine.Facts;
using KnowledgeEngine.Rules;
using KnowledgeEngine.Tests.Rules;

namespace KnowledgeEngine.Tests.Diagnosis.Suspected;

/// <summary>A cause rule chained on a symptom rule's derived fact, when the symptom itself is only
/// suspected: the symptom's suspected match derives its fact marked with what did not hold, and the
/// cause inherits it, so the report is still a differential diagnosis rather than silence.</summary>
public class SuspectedChainTests
{
    private const string Symptom = """
        id: cloudpods/host-down
        title: A host is offline
        platform: cloudpods
        severity: high
        when:
          - resource: { kind: host, where: "host_status == 'offline'" }
            as: host
            signature: true
          - log: { source: "**/host.log", contains: "heartbeat lost", where: "message contains host.name" }
            as: heartbeat
            collect: grep 'heartbeat lost' host.log
        cause:
          summary: "{{ host.name }} is offline"
          confidence: 0.4
        derive:
          fact: host_down
          host: "{{ host.name }}"
          line: "{{ heartbeat.message }}"
        """;

    private const string Cause = """
        id: cloudpods/host-down-disk-full
        title: The host went offline because its disk is full
        platform: cloudpods
        severity: high
        when:
          - fact: { name: host_down }
            as: down
            signature: true
          - log: { source: "**/host.log", contains: "no space left on device", where: "message contains down.host" }
            as: disk
            signature: true
        cause:
          summary: "{{ down.host }} ran out of disk"
          confidence: 0.8
        """;

    private static readonly RuleSet Rules = RuleHarness.Load(Symptom, Cause);

    private static DiagnosisResult Diagnose(params Fact[] facts) =>
        Diagnoser.Rank(Rules.Run(facts), "b", null, [], null, []);

    private static ResourceFact OfflineHost => RuleHarness.Resource("host", """{"name": "n1", "host_status": "offline"}""");

    private static FileFact HostLog => new() { Source = "logs/host.log", Size = 10 };

    [Fact]
    public void A_cause_chained_on_a_suspected_symptom_is_suspected_and_inherits_the_unmet_condition()
    {
        var result = Diagnose(HostLog, OfflineHost, RuleHarness.Log("n1: write /var: no space left on device"));

        var cause = Assert.Single(result.Causes, c => c.Rule.Id == "cloudpods/host-down-disk-full");
        Assert.Equal(CauseStatus.Suspected, cause.Status);
        var unmet = Assert.Single(cause.Fired.Unmet);
        Assert.Equal(("heartbeat", "cloudpods/host-down", true), (unmet.Condition.Name, unmet.Via, unmet.SourceCollected));
        Assert.Equal(0.8 * (1 - Diagnoser.AbsentWeight), cause.Confidence, 6);
    }

    [Fact]
    public void The_inherited_condition_is_named_for_the_rule_it_belongs_to()
    {
        var result = Diagnose(HostLog, OfflineHost, RuleHarness.Log("n1: write /var: no space left on device"));

        var cause = Assert.Single(result.Causes, c => c.Rule.Id == "cloudpods/host-down-disk-full");
        Assert.EndsWith("(for cloudpods/host-down)", Assert.Single(cause.ToConfirm).Description);
    }

    [Fact]
    public void The_suspected_derived_fact_leaves_out_a_field_read_from_the_missing_condition()
    {
        var run = Rules.Run([HostLog, OfflineHost]);

        var fact = Assert.Single(run.Derived);
        Assert.True(fact.IsSuspected);
        Assert.Equal(["host"], fact.Fields.Keys);
        Assert.Equal(["cloudpods/host-down"], run.DerivedBy[fact]);
    }

    [Fact]
    public void A_confirmed_symptom_gives_a_confirmed_cause()
    {
        var result = Diagnose(HostLog, OfflineHost, RuleHarness.Log("n1 heartbeat lost"),
            RuleHarness.Log("n1: write /var: no space left on device", line: 2));

        var cause = Assert.Single(result.Causes, c => c.Rule.Id == "cloudpods/host-down-disk-full");
        Assert.Equal(CauseStatus.Confirmed, cause.Status);
        Assert.Empty(cause.Fired.Unmet);
    }

    private const string ContextCause = """
        id: cloudpods/disk-full-on-down-host
        title: A disk filled up on a host that went offline
        platform: cloudpods
        severity: high
        when:
          - log: { contains: "no space left on device" }
            as: disk
            signature: true
          - fact: { name: host_down }
            as: down
            collect: climc host-list
        cause:
          summary: a disk filled up
          confidence: 0.8
        """;

    [Fact]
    public void A_collected_symptom_signature_that_does_not_hold_contradicts_a_cause_reading_its_fact_though_the_confirming_log_was_never_collected()
    {
        var rules = RuleHarness.Load(Symptom, ContextCause);
        var online = RuleHarness.Resource("host", """{"name": "n1", "host_status": "running"}""");
        var kernelLog = new FileFact { Source = "logs/kernel.log", Size = 10 };

        var run = rules.Run([kernelLog, online, RuleHarness.Log("n1: write /var: no space left on device", source: "logs/kernel.log")]);

        Assert.Empty(run.Suspected);
    }

    [Fact]
    public void A_contradicted_symptom_derives_nothing_so_the_cause_stays_silent()
    {
        var online = RuleHarness.Resource("host", """{"name": "n1", "host_status": "running"}""");

        var result = Diagnose(HostLog, online, RuleHarness.Log("n1: write /var: no space left on device"));

        Assert.Empty(result.Causes);
    }
}
