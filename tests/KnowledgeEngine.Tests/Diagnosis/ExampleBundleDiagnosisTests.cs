using System.Text.Json;
using KnowledgeEngine.Diagnosis;
using KnowledgeEngine.Facts;
using KnowledgeEngine.Reports;
using KnowledgeEngine.Rules;

namespace KnowledgeEngine.Tests.Diagnosis;

public class ExampleBundleDiagnosisTests
{
    private static DiagnosisResult Diagnose(string bundle)
    {
        var rules = RuleSet.Load(Path.Combine(RepositoryPaths.Root, "rules"), RepositoryPaths.Root);
        using var opened = Bundle.Open(RepositoryPaths.Bundle(bundle));
        return Diagnoser.Diagnose(rules, opened);
    }

    [Fact]
    public void Mac_change_bundle_ranks_its_cause_first_with_the_old_mac_in_the_fix()
    {
        var result = Diagnose("cloudpods/host-mac-changed/fires");

        var top = result.Causes[0];
        Assert.Equal("cloudpods/host-mac-changed", top.RuleId);
        Assert.Contains(top.Fired.Fix, step => step.Contains("0c:c4:7a:5e:12:3a"));
        Assert.Contains(top.Evidence, e => e.Location!.EndsWith("host.log:32") && e.Record.Contains("409") && e.Text.Contains("duplicate manager_uri"));
    }

    [Fact]
    public void Json_report_carries_schema_rank_confidence_and_evidence_locations()
    {
        var json = JsonDocument.Parse(DiagnosisReport.Of(Diagnose("cloudpods/host-mac-changed/fires")).ToJson()).RootElement;

        Assert.Equal(DiagnosisReport.JsonSchema, json.GetProperty("schema").GetString());
        var cause = json.GetProperty("causes")[0];
        Assert.Equal(1, cause.GetProperty("rank").GetInt32());
        Assert.InRange(cause.GetProperty("confidence").GetDouble(), 0.7, 1.0);
        Assert.All(cause.GetProperty("evidence").EnumerateArray(), e => Assert.Contains(':', e.GetProperty("location").GetString() ?? ""));
    }

    [Fact]
    public void Orphan_node_bundle_names_the_node_in_fix_and_quotes_resources_not_the_bundle()
    {
        var result = Diagnose("harvester/upgrade-stuck-node-without-machine/fires");

        var top = result.Causes[0];
        Assert.Equal("harvester/upgrade-stuck-node-without-machine", top.RuleId);
        Assert.Contains(top.Fired.Fix, step => step == "kubectl delete node srv09");
        Assert.StartsWith("Upgrade ", top.Evidence[0].Text);
        Assert.Contains(top.Evidence, e => e.Location!.EndsWith("nodes.yaml:132") && e.Text == "Node srv09");
    }

    [Fact]
    public void Vpc_symptom_rule_ranks_below_the_cause_that_explains_it()
    {
        var ids = Diagnose("cloudstack/vpc-routers-both-backup/fires").Causes.Select(c => c.RuleId).ToList();

        Assert.Equal(["cloudstack/vpc-no-guest-vlan-range", "cloudstack/vpc-routers-both-backup"], ids);
    }

    [Fact]
    public void Talos_maintenance_causes_never_fire_together()
    {
        foreach (var bundle in new[] { "talos/maintenance-raid-settle-late/fires", "talos/state-partition-corrupted/fires" })
        {
            Assert.Single(Diagnose(bundle).Causes);
        }
    }

    [Fact]
    public void Near_miss_bundle_yields_no_mac_change_cause()
    {
        var result = Diagnose("cloudpods/host-mac-changed/silent");

        Assert.DoesNotContain(result.Causes, c => c.RuleId == "cloudpods/host-mac-changed");
    }
}
