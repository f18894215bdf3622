using System.Text.Json;
using KnowledgeEngine.Facts;

namespace KnowledgeEngine.Tests.Facts;

public sealed class LayoutTests : IDisposable
{
    private readonly TestBundle _disk = new();

    public void Dispose() => _disk.Dispose();

    private Bundle Open(Dictionary<string, string> files) => Bundle.Open(_disk.Folder("b", files));

    private static List<T> Facts<T>(Bundle bundle) where T : Fact => bundle.Scan(ScanPlan.KeepAll).OfType<T>().ToList();

    private static Dictionary<string, string> Harvester() => new()
    {
        ["metadata.yaml"] = "projectName: harvester\nbundleVersion: \"0.1\"\nbundleCreatedAt: \"2024-03-09T12:00:00Z\"\n",
        ["yamls/cluster/v1/nodes.yaml"] =
            "apiVersion: v1\nkind: List\nitems:\n" +
            "- apiVersion: v1\n  kind: Node\n  metadata:\n    name: hv-1\n    namespace: \"null\"\n  spec:\n    podCIDR: \"null\"\n  status:\n    conditions:\n    - type: Ready\n      status: \"False\"\n" +
            "- apiVersion: v1\n  kind: Node\n  metadata:\n    name: hv-2\n  status:\n    conditions:\n    - type: Ready\n      status: \"True\"\n",
        ["logs/harvester-system/harvester-abc/apiserver.log"] = "2024-03-09T11:00:00.000000000Z time=\"2024-03-09T11:00:00Z\" level=error msg=\"webhook failed\"\n",
        ["nodes/hv-1/logs/kubelet.log"] = "E1231 23:00:00.000000 1 kubelet.go:1] node not ready\n",
        ["nodes/hv-1.zip"] = "PK\u0005\u0006" + new string('\0', 18),
    };

    [Fact]
    public void Harvester_bundle_is_recognised_with_its_hosts_and_creation_time()
    {
        using var bundle = Open(Harvester());

        Assert.Equal(("harvester", "harvester"), (bundle.Metadata.Layout, bundle.Metadata.Platform));
        Assert.Equal(["hv-1"], bundle.Metadata.Hosts);
        Assert.Equal(new DateTimeOffset(2024, 3, 9, 12, 0, 0, TimeSpan.Zero), bundle.Metadata.CollectedAt);
    }

    [Fact]
    public void Harvester_list_items_become_resources_with_null_strings_as_json_null()
    {
        using var bundle = Open(Harvester());
        var nodes = Facts<ResourceFact>(bundle);

        Assert.Equal(["hv-1", "hv-2"], nodes.Select(n => n.Name));
        Assert.True(nodes[0].TryGet("spec.podCIDR", out var cidr));
        Assert.Equal(JsonValueKind.Null, cidr.ValueKind);
        Assert.Null(nodes[0].Namespace);
        Assert.Equal("False", nodes[0].GetString("status.conditions[0].status"));
        Assert.Equal(4, nodes[0].Line);
    }

    [Fact]
    public void Harvester_node_logs_take_their_host_and_the_bundle_year()
    {
        using var bundle = Open(Harvester());
        var log = Facts<LogFact>(bundle).Single(l => l.Source == "nodes/hv-1/logs/kubelet.log");

        Assert.Equal("hv-1", log.Host);
        Assert.Equal(2023, log.Timestamp!.Value.Year);
    }

    [Fact]
    public void Logical_source_resolves_to_the_layouts_own_path()
    {
        using var bundle = Open(Harvester());

        Assert.Equal(["nodes/hv-1/logs/kubelet.log"], bundle.Resolve("kubelet_log"));
        Assert.Equal(["yamls/cluster/v1/nodes.yaml"], bundle.Resolve("nodes"));
    }

    [Fact]
    public void IsCollected_answers_path_globs()
    {
        using var bundle = Open(Harvester());

        Assert.True(bundle.IsCollected("nodes/*/logs/kubelet.log"));
        Assert.True(bundle.IsCollected("**/apiserver.log"));
        Assert.False(bundle.IsCollected("nodes/*/logs/containerd.log"));
    }

    [Fact]
    public void Talos_bundle_hosts_are_its_node_folders()
    {
        using var bundle = Open(new()
        {
            ["10.5.0.2/dmesg.log"] = "kern:    info: [2024-03-09T10:00:00.000000000Z]: Linux version 6.6\n",
            ["10.5.0.2/service-logs/etcd.log"] = "{\"level\":\"warn\",\"ts\":\"2024-03-09T10:00:00.000Z\",\"msg\":\"slow fdatasync\"}\n",
            ["10.5.0.3/service-logs/kubelet.log"] = "I0309 10:00:00.000000 1 kubelet.go:1] ok\n",
            ["kubernetesResources/nodes.yaml"] = "apiVersion: v1\nkind: Node\nmetadata:\n  name: talos-cp-1\n",
        });

        Assert.Equal("talos", bundle.Metadata.Layout);
        Assert.Equal(["10.5.0.2", "10.5.0.3"], bundle.Metadata.Hosts);
        Assert.Equal("10.5.0.2", Facts<LogFact>(bundle).Single(l => l.Source.EndsWith("etcd.log", StringComparison.Ordinal)).Host);
    }

    [Fact]
    public void Talos_resource_documents_become_resources_with_redacted_specs_kept()
    {
        using var bundle = Open(new()
        {
            ["10.5.0.2/service-logs/apid.log"] = "ok\n",
            ["10.5.0.2/resources/machineconfigs.config.talos.dev.yaml"] =
                "metadata:\n    namespace: config\n    type: MachineConfigs.config.talos.dev\n    id: v1alpha1\nspec: <REDACTED>\n---\n" +
                "metadata:\n    namespace: config\n    type: MachineConfigs.config.talos.dev\n    id: v1alpha2\nspec: {}\n",
        });
        var resources = Facts<ResourceFact>(bundle);

        Assert.Equal(["v1alpha1", "v1alpha2"], resources.Select(r => r.Name));
        Assert.Equal("MachineConfigs.config.talos.dev", resources[0].ResourceKind);
        Assert.Equal("<REDACTED>", resources[0].GetString("spec"));
        Assert.Equal(7, resources[1].Line);
    }

    [Fact]
    public void Sosreport_hostname_date_and_uname_are_read()
    {
        using var bundle = Open(new()
        {
            ["sos_commands/host/hostname"] = "db-7\n",
            ["sos_commands/date/date"] = "Sat Mar  9 12:00:00 UTC 2024\n",
            ["sos_commands/kernel/uname_-a"] = "Linux db-7 5.14.0 #1 SMP x86_64 GNU/Linux\n",
            ["var/log/messages"] = "Mar  9 11:00:00 db-7 kernel: nfs: server fs1 not responding\n",
        });

        Assert.Equal(("sosreport", "linux"), (bundle.Metadata.Layout, bundle.Metadata.Platform));
        Assert.Equal(["db-7"], bundle.Metadata.Hosts);
        Assert.Equal(new DateTimeOffset(2024, 3, 9, 12, 0, 0, TimeSpan.Zero), bundle.Metadata.CollectedAt);
        Assert.Equal(["sos_commands/kernel/uname_-a"], bundle.Resolve("uname"));
    }

    [Fact]
    public void Kubectl_json_list_items_become_resources_at_their_lines()
    {
        using var bundle = Open(new()
        {
            ["pods.json"] = "{\n  \"apiVersion\": \"v1\",\n  \"kind\": \"List\",\n  \"items\": [\n    {\"apiVersion\": \"v1\", \"kind\": \"Pod\", \"metadata\": {\"name\": \"a\", \"namespace\": \"kube-system\"}},\n" +
                            "    {\"apiVersion\": \"v1\", \"kind\": \"Pod\", \"metadata\": {\"name\": \"b\", \"namespace\": \"default\"}, \"status\": {\"phase\": \"Pending\"}}\n  ]\n}\n",
        });
        var pods = Facts<ResourceFact>(bundle);

        Assert.Equal("kubectl", bundle.Metadata.Layout);
        Assert.Equal([("a", "kube-system", 5), ("b", "default", 6)], pods.Select(p => (p.Name!, p.Namespace!, p.Line)));
        Assert.Equal("Pending", pods[1].GetString("status.phase"));
    }

    [Fact]
    public void Kubectl_single_yaml_object_is_one_resource()
    {
        using var bundle = Open(new()
        {
            ["machine.yaml"] = "apiVersion: cluster.x-k8s.io/v1beta1\nkind: Machine\nmetadata:\n  name: md-0-abc\n  labels:\n    cluster.x-k8s.io/cluster-name: prod\nstatus:\n  phase: Provisioning\n",
        });
        var machine = Assert.Single(Facts<ResourceFact>(bundle));

        Assert.Equal(("Machine", "cluster.x-k8s.io/v1beta1"), (machine.ResourceKind, machine.ApiVersion));
        Assert.Equal("prod", machine.GetString("metadata.labels['cluster.x-k8s.io/cluster-name']"));
    }

    [Fact]
    public void Climc_json_list_becomes_resources_named_by_the_file()
    {
        using var bundle = Open(new()
        {
            ["climc-host-list.json"] = "{\"data\":[{\"id\":\"3bce9607\",\"name\":\"host-01\",\"host_status\":\"offline\"}],\"total\":1,\"limit\":20}\n",
        });
        var host = Assert.Single(Facts<ResourceFact>(bundle));

        Assert.Equal(("cloudpods", "cloudpods"), (bundle.Metadata.Layout, bundle.Metadata.Platform));
        Assert.Equal(("host", "host-01"), (host.ResourceKind, host.Name));
    }

    [Fact]
    public void Climc_command_saved_with_its_arguments_names_the_resource()
    {
        using var bundle = Open(new()
        {
            ["climc/server-list_--host_node-07.json"] = "{\"data\":[{\"id\":\"3a9f1c2e\",\"name\":\"vm-db-01\",\"status\":\"unknown\"}],\"total\":1,\"limit\":20}\n",
        });
        var server = Assert.Single(Facts<ResourceFact>(bundle));

        Assert.Equal(("server", "vm-db-01"), (server.ResourceKind, server.Name));
    }

    [Fact]
    public void Climc_show_output_is_both_config_keys_and_one_resource()
    {
        using var bundle = Open(new()
        {
            ["bundle.yaml"] = "platform: cloudpods\n",
            ["climc/host-show_node-07.json"] = "{\n  \"id\": \"5f0c2a7e\",\n  \"name\": \"node-07\",\n  \"host_status\": \"offline\"\n}\n",
            ["climc/settings.json"] = "{\n  \"id\": \"s1\",\n  \"name\": \"not a show command\"\n}\n",
        });
        var host = Assert.Single(Facts<ResourceFact>(bundle));
        var configs = Facts<ConfigFact>(bundle).Where(c => c.Source == "climc/host-show_node-07.json").ToList();

        Assert.Equal(("host", "node-07", "climc/host-show_node-07.json", 1), (host.ResourceKind, host.Name, host.Source, host.Line));
        Assert.Equal("offline", host.GetString("host_status"));
        Assert.Equal(["id", "name", "host_status"], configs.Select(c => c.Key));
        Assert.DoesNotContain(Facts<ResourceFact>(bundle), r => r.Source == "climc/settings.json");
    }

    [Fact]
    public void CloudStack_listRouters_response_normalises_master_to_primary()
    {
        using var bundle = Open(new()
        {
            ["listRouters.json"] = "{\"listroutersresponse\":{\"count\":2,\"router\":[" +
                                   "{\"id\":\"r1\",\"name\":\"r-42-VM\",\"isredundantrouter\":true,\"redundantstate\":\"MASTER\"}," +
                                   "{\"id\":\"r2\",\"name\":\"r-43-VM\",\"isredundantrouter\":true,\"redundantstate\":\"BACKUP\"}]}}\n",
        });
        var routers = Facts<ResourceFact>(bundle);

        Assert.Equal("cloudstack", bundle.Metadata.Layout);
        Assert.Equal(["router", "router"], routers.Select(r => r.ResourceKind));
        Assert.Equal(["PRIMARY", "BACKUP"], routers.Select(r => r.GetString("redundantstate")));
    }

    [Fact]
    public void Bundle_manifest_states_platform_hosts_and_zone()
    {
        using var bundle = Open(new()
        {
            ["bundle.yaml"] = "platform: cloudpods\nhosts:\n- host-01\ncollectedAt: 2024-03-09T12:00:00+08:00\ntimeZone: \"+08:00\"\n",
            ["host.log"] = "[info 240309 10:00:00 hostinfo.go:1] started\n",
        });
        var log = Assert.Single(Facts<LogFact>(bundle));

        Assert.Equal("cloudpods", bundle.Metadata.Platform);
        Assert.Equal(["host-01"], bundle.Metadata.Hosts);
        Assert.Equal(TimeSpan.FromHours(8), log.Timestamp!.Value.Offset);
        Assert.Equal("host-01", log.Host);
    }

    [Fact]
    public void Plain_folder_of_logs_is_named_plain_and_guesses_its_platform()
    {
        using var bundle = Open(new() { ["management-server.log"] = "2024-03-09 10:00:00,000 INFO  [c.c.a.ApiServer] (qtp-1:ctx-1) (logid:1) hi\n" });

        Assert.Equal(("plain", "cloudstack"), (bundle.Metadata.Layout, bundle.Metadata.Platform));
    }
}
