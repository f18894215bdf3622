using KnowledgeEngine.Diagnosis;
using KnowledgeEngine.Facts;
using KnowledgeEngine.Rules;
using KnowledgeEngine.Tests.Rules;

namespace KnowledgeEngine.Tests.Diagnosis.Suspected;

/// <summary>A resource condition that names an API group (<c>api:</c>) matches only objects of that group, and
/// its state counts as collected only when an object of its kind and group was read: objects of the same kind
/// from another group (Rancher's Cluster beside the Cluster API one) neither match nor contradict.</summary>
public class ApiGroupCollectedTests
{
    private const string Rule = """
        id: harvester/refused-while-provisioning
        title: Refused while the Cluster API cluster provisions
        platform: harvester
        severity: medium
        when:
          - log: { contains: "status is Provisioning" }
            as: refused
            signature: true
          - resource: { kind: Cluster, api: cluster.x-k8s.io, where: "status.phase != 'Provisioned'" }
            as: cluster
            collect: kubectl get clusters.cluster.x-k8s.io -A -o yaml
        cause:
          summary: the local cluster is still provisioning
          confidence: 0.7
        """;

    private static readonly RuleSet Rules = RuleHarness.Load(Rule);

    private static ResourceFact Cluster(string apiVersion, string phase) =>
        RuleHarness.Resource("Cluster", $$$"""{"apiVersion": "{{{apiVersion}}}", "name": "local", "status": {"phase": "{{{phase}}}"}}""") with { ApiVersion = apiVersion };

    private static DiagnosisResult Diagnose(params Fact[] facts) =>
        Diagnoser.Rank(Rules.Run([new FileFact { Source = "upgrade-error.txt", Size = 10 }, RuleHarness.Log("cluster fleet-local/local status is Provisioning"), .. facts]), "b", null, [], null, []);

    [Fact]
    public void An_object_of_the_named_group_in_the_wrong_state_confirms_the_cause()
    {
        var cause = Assert.Single(Diagnose(Cluster("cluster.x-k8s.io/v1beta1", "Provisioning")).Causes);

        Assert.Equal(CauseStatus.Confirmed, cause.Status);
    }

    [Fact]
    public void An_object_of_the_same_kind_from_another_group_neither_matches_nor_counts_as_collected()
    {
        var cause = Assert.Single(Diagnose(Cluster("provisioning.cattle.io/v1", "Provisioning")).Causes);

        Assert.Equal(CauseStatus.Suspected, cause.Status);
        Assert.False(Assert.Single(cause.Fired.Unmet).SourceCollected);
    }

    [Fact]
    public void An_object_of_the_named_group_in_the_right_state_contradicts_the_cause()
    {
        Assert.Empty(Diagnose(Cluster("cluster.x-k8s.io/v1beta1", "Provisioned")).Causes);
    }

    [Theory]
    [InlineData("cluster.x-k8s.io/v1beta1", "cluster.x-k8s.io", true)]
    [InlineData("cluster.x-k8s.io/v1beta1", "x-k8s.io", false)]
    [InlineData("provisioning.cattle.io/v1", "cluster.x-k8s.io", false)]
    [InlineData("v1", "", true)]
    [InlineData("v1", "cluster.x-k8s.io", false)]
    [InlineData(null, "", false)]
    public void An_api_version_is_in_the_group_before_its_last_slash(string? apiVersion, string group, bool expected) =>
        Assert.Equal(expected, ResourceFact.InApiGroup(apiVersion, group));
}
