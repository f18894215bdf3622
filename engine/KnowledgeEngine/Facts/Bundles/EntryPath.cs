namespace KnowledgeEngine.Facts.Bundles;

/// <summary>Turns archive entry names into safe bundle-relative paths, or says why one is refused.</summary>
internal static class EntryPath
{
    /// <summary>Returns the normalised path ("a/b/c.log"), or null with <paramref name="refusal"/> set.</summary>
    public static string? Normalise(string name, out string? refusal)
    {
        refusal = null;
        var slashed = name.Replace('\\', '/');
        if (slashed.StartsWith('/') || (slashed.Length >= 2 && slashed[1] == ':' && char.IsAsciiLetter(slashed[0])))
        {
            refusal = "it has an absolute path";
            return null;
        }
        var parts = new List<string>();
        foreach (var part in slashed.Split('/'))
        {
            if (part.Length == 0 || part == ".")
            {
                continue;
            }

            if (part == "..")
            {
                refusal = "its path climbs out of the bundle with '..'";
                return null;
            }
            if (part.Contains('\0'))
            {
                refusal = "its name holds a NUL character";
                return null;
            }
            parts.Add(part);
        }
        return parts.Count == 0 ? "" : string.Join('/', parts);
    }

    /// <summary>Resolves a link target against the link's own folder; null when it leaves the bundle.</summary>
    public static string? ResolveLink(string linkPath, string target)
    {
        if (target.StartsWith('/'))
        {
            return null;
        }

        var folder = linkPath.Contains('/') ? linkPath[..linkPath.LastIndexOf('/')] : "";
        var stack = new List<string>(folder.Length == 0 ? [] : folder.Split('/'));
        foreach (var part in target.Replace('\\', '/').Split('/'))
        {
            if (part.Length == 0 || part == ".")
            {
                continue;
            }

            if (part == "..")
            {
                if (stack.Count == 0)
                {
                    return null;
                }

                stack.RemoveAt(stack.Count - 1);
                continue;
            }
            stack.Add(part);
        }
        return string.Join('/', stack);
    }

    /// <summary>The folder a nested archive unpacks into: its path without the archive extension.</summary>
    public static string NestedRoot(string archivePath)
    {
        string[] extensions = [".tar.gz", ".tar.xz", ".tar.bz2", ".tgz", ".txz", ".tbz2", ".tar", ".zip"];
        foreach (var extension in extensions)
        {
            if (archivePath.EndsWith(extension, StringComparison.OrdinalIgnoreCase))
            {
                return archivePath[..^extension.Length];
            }
        }
        return archivePath + ".d";
    }
}
