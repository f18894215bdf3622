using System.Reflection;
using System.Security.Cryptography;
using KnowledgeEngine.Rules;

namespace KnowledgeEngine.Cli.KnowledgeBase;

/// <summary>
/// The rules and articles embedded in kb. Diagnosing reads them as text straight from the assembly
/// (<see cref="Rules"/>, <see cref="Articles"/>, <see cref="Catalog"/>). Only running the built-in rules'
/// examples (kb lint and kb test outside a knowledge base) needs them on disk, with the example bundles:
/// <see cref="Materialise"/> writes them once to a folder under the temp directory named after the build
/// (the module version id of a deterministic build changes exactly when its content, resources included,
/// does), so every kb of one build shares one copy and a new build never reads a stale one.
/// </summary>
internal static class BuiltInKnowledge
{
    private const string Prefix = "kb/";

    /// <summary>The built-in rule files, named rules/&lt;platform&gt;/&lt;file&gt;.yaml.</summary>
    public static IEnumerable<RuleSource> Rules() =>
        Embedded("rules/").Select(name => new RuleSource(name, Text(name)));

    /// <summary>The built-in articles, by path relative to knowledge/.</summary>
    public static IEnumerable<(string Path, string Text)> Articles() =>
        Embedded("knowledge/").Select(name => (name["knowledge/".Length..], Text(name)));

    /// <summary>Every embedded path (rules, articles, example bundles, real cases), for load-time checks.</summary>
    public static KnowledgeCatalog Catalog() => KnowledgeCatalog.OfPaths(Embedded(""));

    private static IEnumerable<string> Embedded(string under) =>
        typeof(BuiltInKnowledge).Assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(Prefix + under, StringComparison.Ordinal)).Select(n => n[Prefix.Length..]).Order(StringComparer.Ordinal);

    private static string Text(string name)
    {
        using var stream = typeof(BuiltInKnowledge).Assembly.GetManifestResourceStream(Prefix + name)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>The folder holding rules/, knowledge/ and the example bundles and cases.</summary>
    public static string Materialise()
    {
        var assembly = typeof(BuiltInKnowledge).Assembly;
        var root = Path.Combine(Path.GetTempPath(), "kb-knowledge-" + Hash(assembly.ManifestModule.ModuleVersionId));
        var expected = Expected(assembly);
        if (Directory.Exists(root))
        {
            if (Holds(root, expected))
            {
                return root;
            }

            // The shared copy holds other files than this build's (something added or removed some): read
            // a private copy instead, so a diagnosis never uses rules or articles this kb does not ship.
            root = $"{root}.private-{Environment.ProcessId}-{Guid.NewGuid():N}";
            Fill(root, assembly);
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
        Fill(staging, assembly);

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

    private static void Fill(string root, Assembly assembly)
    {
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(Prefix, StringComparison.Ordinal)))
        {
            Write(root, name[Prefix.Length..], Read(assembly, name));
        }

    }

    /// <summary>The relative paths (with '/') a copy of this build holds: the embedded files.</summary>
    private static HashSet<string> Expected(Assembly assembly)
    {
        var names = assembly.GetManifestResourceNames().Where(n => n.StartsWith(Prefix, StringComparison.Ordinal)).Select(n => n[Prefix.Length..]);
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

    private static string Hash(Guid build)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha.AppendData(build.ToByteArray());
        return Convert.ToHexString(sha.GetHashAndReset())[..16].ToLowerInvariant();
    }
}
