using KnowledgeEngine.Facts.Bundles;

namespace KnowledgeEngine.Facts.Layouts;

/// <summary>Decides whether a file is read as a log, a configuration, API objects, or only inventoried.</summary>
internal static class FileClassifier
{
    private static readonly string[] ConfigExtensions = [".conf", ".cfg", ".ini", ".cnf", ".properties", ".env", ".state", ".toml"];

    public static FileRole Classify(BundleEntry entry, BundleLayout layout)
    {
        if (entry.IsBinary || entry.Size == 0)
        {
            return FileRole.InventoryOnly;
        }

        if (layout.RoleOf(entry.Path) is { } role)
        {
            return role;
        }

        var path = entry.TextPath;
        var name = path[(path.LastIndexOf('/') + 1)..];
        if (name.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
        {
            return LooksLikeJsonLines(entry) ? FileRole.Log : FileRole.Resource;
        }

        if (name.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".yml", StringComparison.OrdinalIgnoreCase))
        {
            return FileRole.Resource;
        }

        if (name.EndsWith(".log", StringComparison.OrdinalIgnoreCase) || name.Contains(".log.", StringComparison.OrdinalIgnoreCase))
        {
            return FileRole.Log;
        }

        if (ConfigExtensions.Any(x => name.EndsWith(x, StringComparison.OrdinalIgnoreCase)) || name == BundleManifest.FileName)
        {
            return FileRole.Config;
        }

        if ((path.StartsWith("etc/", StringComparison.Ordinal) || path.Contains("/etc/", StringComparison.Ordinal)) && !name.Contains('.'))
        {
            return FileRole.Config;
        }

        return FileRole.Log;
    }

    /// <summary>Two lines that each hold a whole object are NDJSON (zap, journalctl -o json), not one document.</summary>
    private static bool LooksLikeJsonLines(BundleEntry entry)
    {
        var head = ContentProbe.Head(entry);
        if (head is null)
        {
            return false;
        }

        var lines = head.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return lines.Length >= 2 && lines.Take(2).All(l => l.StartsWith('{') && l.EndsWith('}'));
    }
}
