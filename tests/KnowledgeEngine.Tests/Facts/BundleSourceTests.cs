using System.Text;
using KnowledgeEngine.Facts;

namespace KnowledgeEngine.Tests.Facts;

public sealed class BundleSourceTests : IDisposable
{
    private readonly TestBundle _disk = new();

    private static readonly Dictionary<string, string> Files = new()
    {
        ["support/var/log/messages"] = "Mar  9 10:00:00 n1 kernel: EXT4-fs error (device sda1)\n",
        ["support/etc/hostname"] = "n1\n",
    };

    public void Dispose() => _disk.Dispose();

    private static List<string> Paths(Bundle bundle) => bundle.Files.Select(f => f.Path).Order(StringComparer.Ordinal).ToList();

    [Fact]
    public void Folder_bundle_lists_its_files_without_the_single_top_folder()
    {
        using var bundle = Bundle.Open(_disk.Folder("b", Files));

        Assert.Equal(["etc/hostname", "var/log/messages"], Paths(bundle));
    }

    [Fact]
    public void Zip_bundle_is_unpacked_and_its_single_top_folder_stripped()
    {
        using var bundle = Bundle.Open(_disk.Zip("b.zip", Files));

        Assert.Equal(["etc/hostname", "var/log/messages"], Paths(bundle));
    }

    [Fact]
    public void Tar_gz_bundle_is_detected_by_its_bytes_not_its_name()
    {
        var path = _disk.Write("bundle.bin", TestBundle.Gzip(TestBundle.TarToBytes(TestBundle.Utf8(Files))));

        using var bundle = Bundle.Open(path);

        Assert.Equal(["etc/hostname", "var/log/messages"], Paths(bundle));
    }

    [Fact]
    public void Plain_tar_bundle_is_read()
    {
        using var bundle = Bundle.Open(_disk.Write("b.tar", TestBundle.TarToBytes(TestBundle.Utf8(Files))));

        Assert.Equal(2, bundle.Files.Count);
    }

    [Fact]
    public void Tar_xz_bundle_is_read()
    {
        var path = _disk.Write("sosreport-n1.tar.xz", XzWriter.Wrap(TestBundle.TarToBytes(TestBundle.Utf8(Files))));

        using var bundle = Bundle.Open(path);
        var log = Assert.Single(bundle.Scan(ScanPlan.KeepAll).OfType<LogFact>());

        Assert.Equal("var/log/messages", log.Source);
    }

    [Fact]
    public void Nested_node_zip_holding_a_txz_is_unpacked_in_place()
    {
        var scc = XzWriter.Wrap(TestBundle.TarToBytes(TestBundle.Utf8(new() { ["scc_n1/basic-health-check.txt"] = "load average: 9.1\n" })));
        var node = TestBundle.ZipToBytes(new Dictionary<string, byte[]>
        {
            ["n1/logs/kubelet.log"] = "I0309 10:00:00.000000 1 kubelet.go:1] started\n"u8.ToArray(),
            ["n1/scc/scc_n1.txz"] = scc,
        });
        var outer = new Dictionary<string, byte[]>
        {
            ["supportbundle_x/metadata.yaml"] = "bundleVersion: \"1\"\nbundleCreatedAt: \"2024-03-09T12:00:00Z\"\n"u8.ToArray(),
            ["supportbundle_x/nodes/n1.zip"] = node,
        };

        using var bundle = Bundle.Open(_disk.ZipBytes("supportbundle_x.zip", outer));

        Assert.Equal(
            ["metadata.yaml", "nodes/n1.zip", "nodes/n1/logs/kubelet.log", "nodes/n1/scc/scc_n1.txz", "nodes/n1/scc/scc_n1/basic-health-check.txt"],
            Paths(bundle));
    }

    [Fact]
    public void Gzipped_rotated_log_is_scanned_without_unpacking()
    {
        var gz = TestBundle.Gzip("2024-03-08 23:59:59,000 WARN  [c.c.h.HighAvailabilityManagerImpl] (HA-1:ctx-1) (logid:1) host down\n"u8.ToArray());
        var folder = _disk.Folder("cs", new Dictionary<string, string>());
        File.WriteAllBytes(Path.Combine(folder, "management-server.log.2024-03-08.gz"), gz);

        using var bundle = Bundle.Open(folder);
        var log = Assert.Single(bundle.Scan(ScanPlan.KeepAll).OfType<LogFact>());

        Assert.Equal(("log4j", "warning"), (log.Format, log.Level));
    }

    [Fact]
    public void Single_log_file_is_a_bundle_of_one()
    {
        var path = _disk.Write("kubelet.log", "E0309 10:00:00.000000 1 kubelet.go:1] failed\n"u8.ToArray());

        using var bundle = Bundle.Open(path);

        Assert.Equal(["kubelet.log"], Paths(bundle));
    }

    // ---- refusals ----

    [Fact]
    public void Age_encrypted_talos_archive_is_refused_with_the_advice()
    {
        var path = _disk.Write("support.zip.age", "age-encryption.org/v1\n-> X25519 abc\n"u8.ToArray());

        var error = Assert.Throws<BundleException>(() => Bundle.Open(path));

        Assert.Equal(
            "support.zip.age: this is an age-encrypted archive (header age-encryption.org/v1), the default output of 'talosctl support'; kb cannot read it. " +
            "Re-collect it with 'talosctl support --no-encryption', or decrypt it first with 'age -d -i <your-key> -o support.zip support.zip.age' and point kb at support.zip.",
            error.Message);
    }

    [Fact]
    public void Zip_entry_climbing_out_with_dotdot_is_refused_and_skipped()
    {
        var path = _disk.Zip("evil.zip", new() { ["../../etc/cron.d/x"] = "boom", ["ok.log"] = "fine\n" });

        using var bundle = Bundle.Open(path);

        Assert.Equal(["ok.log"], Paths(bundle));
        Assert.Equal("evil.zip: warning KB214: entry '../../etc/cron.d/x' refused: its path climbs out of the bundle with '..'; the entry was skipped",
            Assert.Single(bundle.Diagnostics, d => d.Severity == DiagnosticSeverity.Warning).ToString());
    }

    [Fact]
    public void Tar_entry_with_an_absolute_path_is_refused_and_skipped()
    {
        var path = _disk.Write("abs.tar", TestBundle.TarToBytes(TestBundle.Utf8(new() { ["/etc/passwd"] = "root:x:0:0", ["ok.log"] = "fine\n" })));

        using var bundle = Bundle.Open(path);

        Assert.Equal("abs.tar: warning KB214: entry '/etc/passwd' refused: it has an absolute path; the entry was skipped",
            Assert.Single(bundle.Diagnostics, d => d.Severity == DiagnosticSeverity.Warning).ToString());
    }

    [Fact]
    public void Tar_link_leaving_the_bundle_is_refused()
    {
        var tar = TestBundle.TarToBytes(TestBundle.Utf8(new() { ["b/ok.log"] = "fine\n" }), new Dictionary<string, string> { ["b/shadow"] = "../../etc/shadow" });

        using var bundle = Bundle.Open(_disk.Write("links.tar", tar));

        Assert.Equal(["ok.log"], Paths(bundle));
        Assert.Equal("links.tar: warning KB211: link 'b/shadow' -> '../../etc/shadow' refused: it points outside the bundle; the link was skipped",
            Assert.Single(bundle.Diagnostics, d => d.Severity == DiagnosticSeverity.Warning).ToString());
    }

    [Fact]
    public void Tar_link_inside_the_bundle_reads_its_target()
    {
        var tar = TestBundle.TarToBytes(TestBundle.Utf8(new() { ["sos_commands/kernel/uname_-a"] = "Linux n1 6.1.0\n" }),
            new Dictionary<string, string> { ["uname"] = "sos_commands/kernel/uname_-a" });

        using var bundle = Bundle.Open(_disk.Write("sos.tar", tar));

        Assert.Contains("uname", Paths(bundle));
    }

    [Fact]
    public void Folder_link_leaving_the_bundle_is_refused()
    {
        var folder = _disk.Folder("linked", new Dictionary<string, string> { ["ok.log"] = "fine\n" });
        var outside = _disk.Write("secret.txt", "s3cret"u8.ToArray());
        File.CreateSymbolicLink(Path.Combine(folder, "secret"), outside);

        using var bundle = Bundle.Open(folder);

        Assert.Equal(["ok.log"], Paths(bundle));
        Assert.Equal($"linked: warning KB211: link 'secret' -> '{outside}' refused: it points outside the bundle or nowhere; the link was skipped",
            Assert.Single(bundle.Diagnostics, d => d.Severity == DiagnosticSeverity.Warning).ToString());
    }

    [Fact]
    public void Archive_bomb_by_compression_ratio_is_refused_naming_the_entry()
    {
        var path = _disk.ZipBytes("bomb.zip", new Dictionary<string, byte[]> { ["zeros.log"] = new byte[8 << 20] });
        var limits = new BundleLimits { RatioCheckAfterBytes = 1 << 20, MaxCompressionRatio = 100 };

        var error = Assert.Throws<BundleException>(() => Bundle.Open(path, limits));

        Assert.StartsWith("bomb.zip: entry 'zeros.log' expands more than 100:1 (", error.Message);
        Assert.EndsWith("); this looks like an archive bomb. Unpack only the folders you need and point kb at that folder.", error.Message);
    }

    [Fact]
    public void Archive_bomb_by_total_size_is_refused_naming_the_entry()
    {
        var path = _disk.ZipBytes("big.zip", new Dictionary<string, byte[]> { ["a.log"] = new byte[600_000], ["b.log"] = new byte[600_000] });
        var limits = new BundleLimits { MaxTotalBytes = 1_000_000 };

        var error = Assert.Throws<BundleException>(() => Bundle.Open(path, limits));

        Assert.Equal("big.zip: entry 'b.log' takes the unpacked bundle past 976.6 KiB; this looks like an archive bomb. " +
                     "Unpack only the folders you need and point kb at that folder.", error.Message);
    }

    [Fact]
    public void Archive_with_too_many_entries_is_refused()
    {
        var files = Enumerable.Range(0, 5).ToDictionary(i => $"f{i}.log", i => "x\n");
        var limits = new BundleLimits { MaxEntries = 3 };

        var error = Assert.Throws<BundleException>(() => Bundle.Open(_disk.Zip("many.zip", files), limits));

        Assert.Equal("many.zip: more than 3 files (stopped at 'f3.log'); this looks like an archive bomb. " +
                     "Unpack only the folders you need and point kb at that folder.", error.Message);
    }

    [Fact]
    public void Truncated_zip_is_refused()
    {
        var bytes = TestBundle.ZipToBytes(TestBundle.Utf8(Files));
        var path = _disk.Write("broken.zip", bytes[..(bytes.Length / 2)]);

        var error = Assert.Throws<BundleException>(() => Bundle.Open(path));

        Assert.Equal("broken.zip: cannot read this zip archive: its table of contents (the central directory at its end) is missing, " +
                     "so it was probably cut short while copying. Copy or collect the bundle again.", error.Message);
    }

    [Fact]
    public void Corrupt_zip_data_is_refused()
    {
        var text = string.Concat(Enumerable.Range(0, 5_000).Select(i => $"line {i} {i * 7919 % 104729}\n"));
        var bytes = TestBundle.ZipToBytes(new Dictionary<string, byte[]> { ["app.log"] = Encoding.UTF8.GetBytes(text) });
        bytes.AsSpan(200, 64).Fill(0xFF);
        var path = _disk.Write("corrupt.zip", bytes);

        var error = Assert.Throws<BundleException>(() => Bundle.Open(path));

        Assert.Equal("corrupt.zip: cannot read this zip archive: its content is not a valid archive. Copy or collect the bundle again.", error.Message);
    }

    [Fact]
    public void Truncated_tar_gz_is_refused()
    {
        var big = new Dictionary<string, byte[]> { ["a/app.log"] = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Range(0, 20_000).Select(i => $"line {i} {i * 7919 % 104729}\n"))) };
        var bytes = TestBundle.Gzip(TestBundle.TarToBytes(big));
        var path = _disk.Write("cut.tar.gz", bytes[..(bytes.Length / 2)]);

        var error = Assert.Throws<BundleException>(() => Bundle.Open(path));

        Assert.Equal("cut.tar.gz: cannot read this gzip archive: it ends before the archive does, so it was probably cut short while copying. " +
                     "Copy or collect the bundle again.", error.Message);
    }

    [Fact]
    public void Binary_file_is_inventoried_but_not_scanned()
    {
        var folder = _disk.Folder("bin", new Dictionary<string, string> { ["ok.log"] = "fine\n" });
        File.WriteAllBytes(Path.Combine(folder, "core.dump"), [0x7F, (byte)'E', (byte)'L', (byte)'F', 0, 0, 1, 2]);

        using var bundle = Bundle.Open(folder);
        var logs = bundle.Scan(ScanPlan.KeepAll).OfType<LogFact>().ToList();

        Assert.True(bundle.Files.Single(f => f.Path == "core.dump").IsBinary);
        Assert.DoesNotContain(logs, l => l.Source == "core.dump");
        Assert.Contains(bundle.Diagnostics, d => d.ToString() == "core.dump: info KB216: binary content; inventoried but not scanned");
    }

    [Fact]
    public void Empty_file_is_inventoried_with_a_note()
    {
        var folder = _disk.Folder("empty", new Dictionary<string, string> { ["ok.log"] = "fine\n", ["dmesg"] = "" });

        using var bundle = Bundle.Open(folder);

        Assert.Equal(0, bundle.Files.Single(f => f.Path == "dmesg").Size);
        Assert.Contains(bundle.Diagnostics, d => d.ToString() == "dmesg: info KB215: empty file; inventoried, nothing to read");
    }

    [Fact]
    public void Missing_path_is_reported_with_what_to_give()
    {
        var missing = _disk.Path("nope");

        var error = Assert.Throws<BundleException>(() => Bundle.Open(missing));

        Assert.Equal($"{missing}: no such file or folder. Give the path of a bundle folder, an archive or a log file.", error.Message);
    }

    [Fact]
    public void Empty_archive_is_refused()
    {
        var error = Assert.Throws<BundleException>(() => Bundle.Open(_disk.Zip("none.zip", new Dictionary<string, string>())));

        Assert.Equal("none.zip: the bundle holds no files. Point kb at the folder or archive that holds the collected files.", error.Message);
    }

    [Fact]
    public void Damaged_nested_archive_costs_only_its_own_content()
    {
        var outer = new Dictionary<string, byte[]> { ["nodes/n2.zip"] = "PK\u0003\u0004garbage"u8.ToArray(), ["ok.log"] = "fine\n"u8.ToArray() };

        using var bundle = Bundle.Open(_disk.ZipBytes("outer.zip", outer));

        Assert.Contains("ok.log", Paths(bundle));
        Assert.Contains(bundle.Diagnostics, d => d.ToString().StartsWith("nodes/n2.zip: warning KB209: cannot read this zip archive: ", StringComparison.Ordinal));
    }
}
