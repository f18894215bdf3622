namespace KnowledgeEngine.Tests.Hostile;

/// <summary>An unreadable file costs its own facts, like an unreadable folder; an unreadable bundle
/// root is refused as unreadable, not as empty. Run as a user without the permission (nobody, when
/// the tests run as root).</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class UnreadableInputTests : IDisposable
{
    private readonly string _root = KbProcess.OpenFolder("kb-unreadable-");

    public void Dispose()
    {
        foreach (var path in Directory.EnumerateFileSystemEntries(_root, "*", SearchOption.AllDirectories).Prepend(_root))
        {
            File.SetUnixFileMode(path, (UnixFileMode)0b111_111_111);
        }

        Directory.Delete(_root, recursive: true);
    }

    [Fact]
    public void An_unreadable_file_is_a_warning_and_the_rest_of_the_bundle_is_read()
    {
        var logs = Directory.CreateDirectory(Path.Combine(_root, "b", "logs")).FullName;
        File.WriteAllText(Path.Combine(logs, "ok.log"), "disk full\n");
        File.WriteAllText(Path.Combine(logs, "locked.log"), "secret\n");
        File.SetUnixFileMode(Path.Combine(logs, "locked.log"), UnixFileMode.None);
        Readable(Path.Combine(_root, "b"), logs);

        var (code, stdout, stderr) = KbProcess.Run(["facts", Path.Combine(_root, "b")], _root, asUnprivileged: true);

        Assert.True(code == 0, stderr);
        Assert.Contains("facts      bundle 1, file 1, log 1", stdout);
        Assert.Contains("locked.log: warning KB201: cannot be read (permission denied); it was skipped and its facts are missing — run kb as a user who can read it", stdout);
    }

    [Fact]
    public void An_unreadable_bundle_folder_is_refused_as_unreadable_not_as_empty()
    {
        var bundle = Directory.CreateDirectory(Path.Combine(_root, "c")).FullName;
        File.WriteAllText(Path.Combine(bundle, "a.log"), "disk full\n");
        File.SetUnixFileMode(bundle, UnixFileMode.None);

        var (code, _, stderr) = KbProcess.Run(["facts", bundle], _root, asUnprivileged: true);

        Assert.Equal(1, code);
        Assert.Equal("kb facts: c: the bundle folder cannot be read (permission denied). Run kb as a user who can read it, or copy it somewhere readable.", stderr.Trim());
    }

    private static void Readable(params string[] folders)
    {
        foreach (var folder in folders)
        {
            File.SetUnixFileMode(folder, (UnixFileMode)0b111_101_101);
        }
    }
}
