using KnowledgeEngine.Facts;

namespace KnowledgeEngine.Tests.Facts;

public sealed class MustGatherAndUnreadableTests : IDisposable
{
    private readonly TestBundle _disk = new();

    public void Dispose() => _disk.Dispose();

    [Fact]
    public void Must_gather_is_recognised_and_its_yaml_becomes_resources_and_pod_logs_logs()
    {
        var folder = _disk.Folder("must-gather.local.123", new Dictionary<string, string>
        {
            ["quay-io-openshift-must-gather-sha256-abc/cluster-scoped-resources/core/nodes/worker-1.yaml"] =
                "apiVersion: v1\nkind: Node\nmetadata:\n  name: worker-1\nstatus:\n  conditions:\n  - type: Ready\n    status: \"False\"\n",
            ["quay-io-openshift-must-gather-sha256-abc/namespaces/openshift-etcd/core/pods.yaml"] =
                "apiVersion: v1\nkind: PodList\nitems:\n- apiVersion: v1\n  kind: Pod\n  metadata:\n    name: etcd-worker-1\n    namespace: openshift-etcd\n",
            ["quay-io-openshift-must-gather-sha256-abc/namespaces/openshift-etcd/pods/etcd-worker-1/etcd/etcd/logs/current.log"] =
                "2024-03-09T11:00:00.000000000Z {\"level\":\"warn\",\"msg\":\"apply request took too long\"}\n",
        });

        using var bundle = Bundle.Open(folder);
        var facts = bundle.Scan(ScanPlan.KeepAll).ToList();

        Assert.Equal("must-gather", bundle.Metadata.Layout);
        Assert.Contains(facts.OfType<ResourceFact>(), r => r.ResourceKind == "Node" && r.Name == "worker-1");
        Assert.Contains(facts.OfType<ResourceFact>(), r => r.ResourceKind == "Pod" && r.Namespace == "openshift-etcd");
        Assert.Contains(facts.OfType<LogFact>(), l => l.Message.Contains("apply request took too long"));
    }

    [Fact]
    public void A_link_that_cannot_be_read_is_reported_by_name_and_the_rest_is_read()
    {
        var folder = _disk.Folder("b", new Dictionary<string, string> { ["logs/ok.log"] = "disk full\n" });
        // A link to itself cannot be opened (too many levels of links): the nearest an
        // unreadable entry comes when the tests run as root, who can read chmod-000 files.
        File.CreateSymbolicLink(Path.Combine(folder, "logs", "loop.log"), Path.Combine(folder, "logs", "loop.log"));

        using var bundle = Bundle.Open(folder);
        var facts = bundle.Scan(ScanPlan.KeepAll).ToList();

        Assert.Contains(facts.OfType<LogFact>(), l => l.Source.EndsWith("ok.log", StringComparison.Ordinal));
        Assert.Contains(bundle.Diagnostics, d => d.Message.Contains("loop.log"));
    }
}

public sealed class BrokenBundlePathTests : IDisposable
{
    private readonly TestBundle _disk = new();

    public void Dispose() => _disk.Dispose();

    [Fact]
    public void A_bundle_path_that_is_a_link_to_nothing_is_refused_with_what_is_missing()
    {
        var link = Path.Combine(_disk.Root, "bundle-link");
        File.CreateSymbolicLink(link, Path.Combine(_disk.Root, "gone"));

        var error = Assert.Throws<BundleException>(() => Bundle.Open(link));

        Assert.StartsWith("bundle-link: Could not find file", error.Message);
        Assert.EndsWith("Give the path of a bundle folder, an archive or a log file that exists.", error.Message);
    }
}

public sealed class CorruptCompressedBundleTests : IDisposable
{
    private readonly TestBundle _disk = new();

    public void Dispose() => _disk.Dispose();

    [Fact]
    public void A_gzip_bundle_whose_data_does_not_decompress_is_refused()
    {
        var path = _disk.Write("support.tgz", [0x1f, 0x8b, 0x08, 0x00, 0x67, 0x61, 0x72, 0x62, 0x61, 0x67, 0x65, 0xff, 0xfe]);

        var error = Assert.Throws<BundleException>(() => Bundle.Open(path));

        Assert.Equal("support.tgz: starts like a gzip file but its data does not decompress; it is corrupt or was cut short. " +
                     "Copy or collect it again (compare its size with the original), then retry.", error.Message);
    }
}
