using System.Diagnostics;
using KnowledgeEngine.Facts;

namespace KnowledgeEngine.Tests.Facts;

/// <summary>A FIFO (or a process substitution's pipe) is read exactly once: opened a second time after its
/// writer left, it would block forever; read to sniff and then again, it would be empty.</summary>
public sealed class PipeInputTests : IDisposable
{
    private readonly TestBundle _disk = new();

    public void Dispose() => _disk.Dispose();

    private string Fifo(string name)
    {
        var path = _disk.Path(name);
        using var mkfifo = Process.Start(new ProcessStartInfo("mkfifo", [path]) { UseShellExecute = false })!;
        mkfifo.WaitForExit();
        Assert.Equal(0, mkfifo.ExitCode);
        return path;
    }

    [Fact]
    public async Task A_fifo_is_read_once_and_scanned_whole()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        var fifo = Fifo("paste");
        var writer = Task.Run(() => File.WriteAllText(fifo, "first line\nregister failed: duplicate manager_uri\n"));

        var reading = Task.Run(() =>
        {
            using var bundle = Bundle.Open(fifo);
            return bundle.Scan(ScanPlan.KeepAll).OfType<LogFact>().Select(f => (f.Source, f.Line, f.Message)).ToList();
        });

        var facts = await reading.WaitAsync(TimeSpan.FromSeconds(60)); // a second open would block forever
        await writer;
        Assert.Equal([("paste.log", 1, "first line"), ("paste.log", 2, "register failed: duplicate manager_uri")], facts);
    }

    [Fact]
    public async Task An_empty_fifo_is_refused_with_a_message()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        var fifo = Fifo("empty");
        var writer = Task.Run(() => File.WriteAllBytes(fifo, []));

        var refused = Assert.Throws<BundleException>(() => Bundle.Open(fifo));

        await writer;
        Assert.Contains("is empty: nothing was read from it", refused.Message);
    }

    [Fact]
    public void Standard_input_holding_an_archive_is_unpacked()
    {
        var archive = TestBundle.Gzip(TestBundle.TarToBytes(TestBundle.Utf8(new() { ["b/logs/host.log"] = "disk full\n" })));

        using var bundle = Bundle.Open(["-"], standardInput: () => new MemoryStream(archive));

        Assert.Contains(bundle.Files, f => f.Source == "logs/host.log");
        Assert.Equal("stdin", bundle.Name);
    }
}
