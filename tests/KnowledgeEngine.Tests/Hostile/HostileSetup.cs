namespace KnowledgeEngine.Tests.Hostile;

/// <summary>Builds a case's input in its own folder and undoes what would outlive the test (a
/// process blocked opening a named pipe is released by opening the pipe's other end).</summary>
internal sealed class HostileSetup : IDisposable
{
    private readonly List<string> _fifos = [];
    private readonly List<Task> _writers = [];

    public string Root { get; } = Directory.CreateTempSubdirectory("kb-hostile-").FullName;

    public void Apply(string[] step)
    {
        var target = Path.Combine(Root, step[1]);
        if (step[0] != "copy")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        }

        switch (step[0])
        {
            case "copy":
                Copy(Path.Combine(HostileCase.Inputs, step[1]), Path.Combine(Root, step[2]));
                break;
            case "write":
                // Latin-1, so that \xNN in a case is the byte NN (a gzip magic, an ESC).
                File.WriteAllText(target, step.Length > 2 ? step[2] : "", System.Text.Encoding.Latin1);
                break;
            case "truncate":
                using (var file = File.OpenWrite(target))
                {
                    file.SetLength(long.Parse(step[2], System.Globalization.CultureInfo.InvariantCulture));
                }

                break;
            case "flip":
                var bytes = File.ReadAllBytes(target);
                var offset = int.Parse(step[2], System.Globalization.CultureInfo.InvariantCulture);
                bytes[offset < 0 ? bytes.Length + offset : offset] ^= 0x01;
                File.WriteAllBytes(target, bytes);
                break;
            case "fifo":
                MakeFifo(target);
                break;
            case "feed-fifo":
                MakeFifo(target);
                var source = Path.Combine(HostileCase.Inputs, step[2]);
                _writers.Add(Task.Run(() =>
                {
                    using var pipe = new FileStream(target, FileMode.Open, FileAccess.Write);
                    using var input = File.OpenRead(source);
                    input.CopyTo(pipe);
                }));
                break;
            default:
                throw new FormatException($"unknown setup step '{step[0]}'");
        }
    }

    private void MakeFifo(string path)
    {
        using var mkfifo = System.Diagnostics.Process.Start("mkfifo", [path]);
        mkfifo.WaitForExit();
        Assert.Equal(0, mkfifo.ExitCode);
        _fifos.Add(path);
    }

    private static void Copy(string source, string target)
    {
        if (File.Exists(source))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(source, target);
            return;
        }

        Facts.TestBundle.CopyFolder(source, target);
    }

    public void Dispose()
    {
        foreach (var fifo in _fifos)
        {
            // A reader still blocked in open() (kb gave up on it) gets its writer and lets go.
            var release = Task.Run(() =>
            {
                try
                {
                    using var end = new FileStream(fifo, FileMode.Open, FileAccess.Write);
                }
                catch (IOException)
                {
                }
            });
            release.Wait(TimeSpan.FromSeconds(1));
        }

        Task.WaitAll([.. _writers], TimeSpan.FromSeconds(5));
        Directory.Delete(Root, recursive: true);
    }
}
