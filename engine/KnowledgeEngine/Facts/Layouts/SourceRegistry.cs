namespace KnowledgeEngine.Facts.Layouts;

/// <summary>
/// Logical sources: names rules use for what they read ("kubelet_log"), each with path globs per layout and a
/// fallback for any layout, tried in order (the way insights-core maps its specs to files). Kept as one table on purpose.
/// </summary>
internal static class SourceRegistry
{
    public const string AnyLayout = "*";

    private static readonly Dictionary<string, (string Layout, string Glob)[]> Table = new(StringComparer.Ordinal)
    {
        ["kubelet_log"] =
        [
            ("harvester", "nodes/*/logs/kubelet.log*"), ("talos", "*/service-logs/kubelet.log"),
            ("sosreport", "sos_commands/kubernetes/*kubelet*"), (AnyLayout, "**/kubelet*.log*"),
        ],
        ["containerd_log"] =
        [
            ("harvester", "nodes/*/logs/containerd.log*"), ("talos", "*/service-logs/containerd.log"), (AnyLayout, "**/containerd*.log*"),
        ],
        ["etcd_log"] = [("talos", "*/service-logs/etcd.log"), (AnyLayout, "**/etcd*.log*")],
        ["kernel_log"] =
        [
            ("harvester", "nodes/*/logs/kernel.log*"), ("talos", "*/dmesg.log"), ("sosreport", "sos_commands/kernel/dmesg*"),
            (AnyLayout, "**/{dmesg,kernel}*"),
        ],
        ["journal"] =
        [
            ("sosreport", "sos_commands/logs/journalctl_--no-pager*"), (AnyLayout, "**/journal*"),
        ],
        ["messages"] = [(AnyLayout, "**/var/log/{messages,syslog}*"), (AnyLayout, "**/{messages,syslog}*")],
        ["rke2_log"] = [("harvester", "nodes/*/logs/rke2-*.log*"), (AnyLayout, "**/rke2*.log*")],
        ["pod_logs"] =
        [
            ("harvester", "logs/**/*.log*"), ("talos", "*/kubernetes-logs/**/*.log"), ("must-gather", "namespaces/*/pods/**/*.log"),
            (AnyLayout, "**/pods/**/*.log"),
        ],
        ["machined_log"] = [("talos", "*/service-logs/machined.log"), (AnyLayout, "**/machined.log")],
        ["service_state"] = [("talos", "*/service-logs/*.state")],
        ["nodes"] =
        [
            ("harvester", "yamls/cluster/v1/nodes.yaml"), ("talos", "kubernetesResources/nodes.yaml"),
            ("must-gather", "cluster-scoped-resources/core/nodes/*.yaml"), (AnyLayout, "**/nodes.{json,yaml,yml}"),
        ],
        ["pods"] =
        [
            ("harvester", "yamls/namespaced/*/v1/pods.yaml"), ("talos", "kubernetesResources/systemPods.yaml"),
            ("must-gather", "namespaces/*/core/pods.yaml"), (AnyLayout, "**/pods.{json,yaml,yml}"),
        ],
        ["harvester_settings"] = [("harvester", "yamls/cluster/harvesterhci.io/v1beta1/settings.yaml")],
        ["bundle_metadata"] = [("harvester", "metadata.yaml"), (AnyLayout, "bundle.yaml")],
        ["uname"] = [("sosreport", "sos_commands/kernel/uname_-a"), (AnyLayout, "**/uname*")],
        ["hostname"] = [("sosreport", "sos_commands/host/hostname"), (AnyLayout, "**/etc/hostname"), (AnyLayout, "**/hostname")],
        ["os_release"] = [(AnyLayout, "**/etc/os-release"), (AnyLayout, "**/os-release")],
        ["management_server_log"] = [(AnyLayout, "**/management-server.log*")],
        ["vr_cloud_log"] = [(AnyLayout, "**/cloud.log*")],
        ["keepalived_conf"] = [(AnyLayout, "**/keepalived.conf")],
        ["routers"] = [(AnyLayout, "**/*{listRouters,listrouters,routers}*.json")],
        ["cloudpods_host_conf"] = [(AnyLayout, "**/yunion/host.conf"), (AnyLayout, "**/host.conf")],
        ["cloudpods_logs"] = [(AnyLayout, "**/{host,region,scheduler,keystone,glance,baremetal}*.log*")],
    };

    public static IReadOnlyCollection<string> Names => Table.Keys;

    /// <summary>Paths of <paramref name="name"/> in this bundle: the layout's own globs first, the fallbacks if they find nothing.</summary>
    public static IReadOnlyList<string> Resolve(string name, string layout, IReadOnlyList<string> paths)
    {
        if (!Table.TryGetValue(name, out var globs))
        {
            return [];
        }

        foreach (var pass in new[] { layout, AnyLayout })
        {
            var found = paths.Where(p => globs.Any(g => g.Layout == pass && Glob.IsMatch(g.Glob, p))).ToList();
            if (found.Count > 0)
            {
                return found;
            }
        }
        return [];
    }

    public static bool IsKnown(string name) => Table.ContainsKey(name);
}
