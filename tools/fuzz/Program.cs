using SharpFuzz;

namespace KnowledgeEngine.Fuzz;

/// <summary>
/// kb-fuzz TARGET          run TARGET under afl-fuzz (instrumented with sharpfuzz; see tools/fuzz/run.sh)
/// kb-fuzz TARGET DIR...   run TARGET once on every file of the folders, in-process, and report the
///                         inputs that crash it: replays a corpus or afl's crashes/ without afl.
/// </summary>
internal static class Program
{
    public static int Main(string[] args)
    {
        if (args.Length == 0 || !FuzzTargets.All.TryGetValue(args[0], out var target))
        {
            Console.Error.WriteLine($"usage: kb-fuzz {{{string.Join('|', FuzzTargets.All.Keys)}}} [FOLDER...]");
            return 2;
        }

        if (args.Length == 1)
        {
            Fuzzer.OutOfProcess.Run(stream =>
            {
                using var copy = new MemoryStream();
                stream.CopyTo(copy);
                target(copy.ToArray());
            });
            return 0;
        }

        return Replay(target, args[1..]);
    }

    private static int Replay(Action<byte[]> target, string[] folders)
    {
        var (runs, crashes) = (0, 0);
        foreach (var file in folders.SelectMany(f => Directory.EnumerateFiles(f, "*", SearchOption.AllDirectories)).Order(StringComparer.Ordinal))
        {
            if (Path.GetFileName(file) == "README.txt")
            {
                continue;
            }

            runs++;
            try
            {
                target(File.ReadAllBytes(file));
            }
            catch (Exception e)
            {
                crashes++;
                Console.Error.WriteLine($"{file}: {e}");
            }
        }

        Console.WriteLine($"{runs} inputs replayed, {crashes} crashed");
        return crashes == 0 ? 0 : 1;
    }
}
