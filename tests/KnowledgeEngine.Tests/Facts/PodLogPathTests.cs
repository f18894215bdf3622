using KnowledgeEngine.Facts.Logs;

namespace KnowledgeEngine.Tests.Facts;

public class PodLogPathTests
{
    [Theory]
    [InlineData("logs/harvester-system/harvester-6d7f9c-x2k4p/apiserver.log", "harvester-system", "harvester-6d7f9c-x2k4p", "apiserver")]
    [InlineData("logs/harvester-system/harvester-6d7f9c-x2k4p/apiserver.log.1", "harvester-system", "harvester-6d7f9c-x2k4p", "apiserver")]
    [InlineData("control/logs/onecloud/default-host-x9k2p/host.log", "onecloud", "default-host-x9k2p", "host")]
    [InlineData("namespaces/openshift-etcd/pods/etcd-master-0/etcd/etcd/logs/current.log", "openshift-etcd", "etcd-master-0", "etcd")]
    [InlineData("node-1/var/log/pods/kube-system_coredns-5d78c9869d-7xw2q_0b9c1e4a-1f7e/coredns/0.log", "kube-system", "coredns-5d78c9869d-7xw2q", "coredns")]
    public void A_container_log_path_names_its_namespace_pod_and_container(string source, string ns, string pod, string container) =>
        Assert.Equal(new PodLogPath(ns, pod, container), PodLogPath.Of(source));

    [Theory]
    [InlineData("var/log/messages")]
    [InlineData("control/logs/host.log")]
    [InlineData("logs/onecloud/default-host-x9k2p/host.txt")]
    [InlineData("namespaces/openshift-etcd/pods/etcd-master-0/etcd-master-0.yaml")]
    public void Other_paths_name_no_pod(string source) => Assert.Null(PodLogPath.Of(source));

    [Fact]
    public void A_log_condition_reads_the_pod_to_restart_from_the_path()
    {
        var rules = Rules.RuleHarness.Load("""
            id: test/restart
            title: t
            platform: test
            severity: high
            when:
              - log: { contains: 'register failed' }
                as: failure
            cause: { summary: s, confidence: 0.7 }
            fix:
              - 'kubectl -n {{ failure.source_namespace }} delete pod {{ failure.source_pod }}  # container {{ failure.source_container }}'
            """);

        var run = rules.Run([Rules.RuleHarness.Log("register failed", source: "logs/onecloud/default-host-x9k2p/host.log")]);

        Assert.Equal("kubectl -n onecloud delete pod default-host-x9k2p  # container host", Assert.Single(Assert.Single(run.Fired).Fix));
    }
}
