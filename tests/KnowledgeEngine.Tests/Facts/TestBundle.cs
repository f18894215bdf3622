using System.Formats.Tar;
using System.IO.Compression;
using System.Text;

namespace KnowledgeEngine.Tests.Facts;

/// <summary>Builds small bundles on disk from a path → content description, in every container kind kb reads.</summary>
internal sealed class TestBundle : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("kb-test-").FullName;

    public string Root => _root;

    public string Path(string name) => System.IO.Path.Combine(_root, name);

    public string Folder(string name, Dictionary<string, string> files)
    {
        var folder = Path(name);
        foreach (var (path, content) in files)
        {
            var file = System.IO.Path.Combine(folder, path);
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(file)!);
            File.WriteAllText(file, content);
        }
        Directory.CreateDirectory(folder);
        return folder;
    }

    /// <summary>Copies every file under <paramref name="source"/> to the same relative path under <paramref name="target"/>.</summary>
    public static void CopyFolder(string source, string target)
    {
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var copy = System.IO.Path.Combine(target, System.IO.Path.GetRelativePath(source, file));
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(copy)!);
            File.Copy(file, copy);
        }
    }

    public string Zip(string name, Dictionary<string, string> files) => ZipBytes(name, files.ToDictionary(f => f.Key, f => Encoding.UTF8.GetBytes(f.Value)));

    public string ZipBytes(string name, IReadOnlyDictionary<string, byte[]> files)
    {
        var file = Path(name);
        File.WriteAllBytes(file, ZipToBytes(files));
        return file;
    }

    public static byte[] ZipToBytes(IReadOnlyDictionary<string, byte[]> files)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (path, content) in files)
            {
                using var entry = zip.CreateEntry(path, CompressionLevel.Optimal).Open();
                entry.Write(content);
            }
        }
        return buffer.ToArray();
    }

    public static byte[] TarToBytes(IReadOnlyDictionary<string, byte[]> files, IReadOnlyDictionary<string, string>? symlinks = null)
    {
        using var buffer = new MemoryStream();
        using (var tar = new TarWriter(buffer, TarEntryFormat.Pax, leaveOpen: true))
        {
            foreach (var (path, content) in files)
            {
                tar.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, path) { DataStream = new MemoryStream(content) });
            }

            foreach (var (path, target) in symlinks ?? new Dictionary<string, string>())
            {
                tar.WriteEntry(new PaxTarEntry(TarEntryType.SymbolicLink, path) { LinkName = target });
            }
        }
        return buffer.ToArray();
    }

    public static byte[] Gzip(byte[] content)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(content);
        }

        return buffer.ToArray();
    }

    public static Dictionary<string, byte[]> Utf8(Dictionary<string, string> files) =>
        files.ToDictionary(f => f.Key, f => Encoding.UTF8.GetBytes(f.Value));

    public string Write(string name, byte[] content)
    {
        var file = Path(name);
        File.WriteAllBytes(file, content);
        return file;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
