using System.Reflection;
using System.Security.Cryptography;

namespace KnowledgeEngine.Cli.KnowledgeBase;

/// <summary>
/// The rules and articles embedded in kb. They are written once to a folder named after their
/// content hash under the temp directory (rule loading and article links work on files), so
/// every kb of the same build shares one copy and a new build never reads a stale one.
/// </summary>
internal static class BuiltInKnowledge
{
    private const string Prefix = "kb/";

    /// <summary>The folder holding rules/ and knowledge/, optionally overlaid by the user's rule
    /// files: a user file replaces the built-in one of the same relative path, others are added.</summary>
    public static string Materialise(string? userRules = null)
    {
        var assembly = typeof(BuiltInKnowledge).Assembly;
        var names = assembly.GetManifestResourceNames().Where(n => n.StartsWith(Prefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToArray();
        var contents = names.Select(n => (Name: n[Prefix.Length..], Bytes: Read(assembly, n))).ToArray();
        var root = Path.Combine(Path.GetTempPath(), "kb-knowledge-" + Hash(contents, userRules));
        if (Directory.Exists(root))
        {
            return root;
        }

        var staging = root + ".tmp-" + Environment.ProcessId;
        foreach (var (name, bytes) in contents)
        {
            Write(staging, name, bytes);
        }

        if (userRules is not null)
        {
            foreach (var file in Directory.EnumerateFiles(userRules, "*.y*ml", SearchOption.AllDirectories))
            {
                Write(staging, Path.Combine("rules", Path.GetRelativePath(userRules, file)), File.ReadAllBytes(file));
            }
        }

        try
        {
            Directory.Move(staging, root);
        }
        catch (IOException) when (Directory.Exists(root))
        {
            Directory.Delete(staging, recursive: true); // another kb got there first; its copy is identical
        }

        return root;
    }

    private static void Write(string root, string relative, byte[] bytes)
    {
        var path = Path.Combine(root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, bytes);
    }

    private static byte[] Read(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    private static string Hash((string Name, byte[] Bytes)[] contents, string? userRules)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var (name, bytes) in contents)
        {
            sha.AppendData(System.Text.Encoding.UTF8.GetBytes(name));
            sha.AppendData(bytes);
        }

        if (userRules is not null)
        {
            foreach (var file in Directory.EnumerateFiles(userRules, "*.y*ml", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                sha.AppendData(System.Text.Encoding.UTF8.GetBytes(Path.GetRelativePath(userRules, file)));
                sha.AppendData(File.ReadAllBytes(file));
            }
        }

        return Convert.ToHexString(sha.GetHashAndReset())[..16].ToLowerInvariant();
    }
}
