using System.Reflection;
using System.Security.Cryptography;

namespace KnowledgeEngine.Cli.KnowledgeBase;

/// <summary>
/// The rules and articles embedded in kb. They are written once to a folder under the temp
/// directory (rule loading and article links work on files) named after the build: the module
/// version id of a deterministic build changes exactly when its content, resources included,
/// does. So every kb of one build shares one copy, a new build never reads a stale one, and a run
/// that finds the folder reads none of the 2 MB of resources.
/// </summary>
internal static class BuiltInKnowledge
{
    private const string Prefix = "kb/";

    /// <summary>The folder holding rules/ and knowledge/, optionally overlaid by the user's rule
    /// files: a user file replaces the built-in one of the same relative path, others are added.</summary>
    public static string Materialise(string? userRules = null)
    {
        var assembly = typeof(BuiltInKnowledge).Assembly;
        var root = Path.Combine(Path.GetTempPath(), "kb-knowledge-" + Hash(assembly.ManifestModule.ModuleVersionId, userRules));
        var expected = Expected(assembly, userRules);
        if (Directory.Exists(root))
        {
            if (Holds(root, expected))
            {
                return root;
            }

            // The shared copy holds other files than this build's (something added or removed some): read
            // a private copy instead, so a diagnosis never uses rules or articles this kb does not ship.
            root = $"{root}.private-{Environment.ProcessId}-{Guid.NewGuid():N}";
            Fill(root, assembly, userRules);
            var copy = root;
            AppDomain.CurrentDomain.ProcessExit += (_, _) =>
            {
                try
                {
                    Directory.Delete(copy, recursive: true);
                }
                catch (IOException)
                {
                    // left in the temp folder; nothing reads a private copy again
                }
            };
            return root;
        }

        // A staging folder of this call's own: two threads of one process (tests run kb in parallel)
        // writing one folder could move it while the other is mid-write, leaving a truncated file.
        var staging = $"{root}.tmp-{Environment.ProcessId}-{Guid.NewGuid():N}";
        Fill(staging, assembly, userRules);

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

    private static void Fill(string root, Assembly assembly, string? userRules)
    {
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(Prefix, StringComparison.Ordinal)))
        {
            Write(root, name[Prefix.Length..], Read(assembly, name));
        }

        if (userRules is not null)
        {
            foreach (var file in Directory.EnumerateFiles(userRules, "*.y*ml", SearchOption.AllDirectories))
            {
                Write(root, Path.Combine("rules", Path.GetRelativePath(userRules, file)), File.ReadAllBytes(file));
            }
        }
    }

    /// <summary>The relative paths (with '/') a copy of this build holds: the embedded files and the user's rule files.</summary>
    private static HashSet<string> Expected(Assembly assembly, string? userRules)
    {
        var names = assembly.GetManifestResourceNames().Where(n => n.StartsWith(Prefix, StringComparison.Ordinal)).Select(n => n[Prefix.Length..]);
        if (userRules is not null)
        {
            names = names.Concat(Directory.EnumerateFiles(userRules, "*.y*ml", SearchOption.AllDirectories)
                .Select(f => "rules/" + Path.GetRelativePath(userRules, f).Replace('\\', '/')));
        }

        return names.ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>Does the folder hold exactly those files? Names only: a run that finds its copy reads no content.</summary>
    private static bool Holds(string root, HashSet<string> expected)
    {
        var found = Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(root, f).Replace('\\', '/'));
        return expected.SetEquals(found);
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

    private static string Hash(Guid build, string? userRules)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha.AppendData(build.ToByteArray());

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
