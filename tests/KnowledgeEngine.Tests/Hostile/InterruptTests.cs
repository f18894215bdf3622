using System.Diagnostics;

namespace KnowledgeEngine.Tests.Hostile;

/// <summary>SIGTERM or Ctrl-C while kb holds unpacked bytes in its temp folder: the folder goes
/// with the process. kb is held mid-copy by a pipe whose writer stays open.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class InterruptTests : IDisposable
{
    private readonly string _temp = KbProcess.OpenFolder("kb-interrupt-");

    public void Dispose() => Directory.Delete(_temp, recursive: true);

    [Theory]
    [InlineData("TERM", 143)]
    [InlineData("INT", 130)]
    public void A_signal_while_a_bundle_is_copied_removes_the_temporary_folder(string signal, int expectedCode)
    {
        // Arrange: kb copies a pipe into its workspace; the writer sends a little and stays open.
        var pipe = Path.Combine(_temp, "bundle.pipe");
        using (var mkfifo = Process.Start("mkfifo", [pipe]))
        {
            mkfifo.WaitForExit();
        }

        var work = Directory.CreateDirectory(Path.Combine(_temp, "tmp")).FullName;
        using var kb = KbProcess.Start(["facts", pipe], work);
        using var writer = new FileStream(pipe, FileMode.Open, FileAccess.Write);
        writer.Write(new byte[1 << 20]);
        writer.Flush();
        Assert.True(SpinWait.SpinUntil(() => Directory.EnumerateDirectories(work, "kb-bundle-*").Any(), TimeSpan.FromSeconds(30)),
            "kb never created its workspace");

        // Act
        using (var kill = Process.Start("kill", [$"-{signal}", kb.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            kill.WaitForExit();
        }

        Assert.True(kb.WaitForExit(TimeSpan.FromSeconds(30)), "kb did not stop");

        // Assert
        Assert.Equal(expectedCode, kb.ExitCode);
        Assert.Contains("kb: interrupted; temporary files were removed.", kb.StandardError.ReadToEnd());
        Assert.Empty(Directory.EnumerateDirectories(work, "kb-bundle-*"));
    }
}
