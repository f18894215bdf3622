using KnowledgeEngine.Facts.Bundles;

namespace KnowledgeEngine.Facts.Layouts;

/// <summary>What a layout reads from the inventory: paths, and small text files it may open (metadata, hostname).</summary>
internal sealed class LayoutContext(IReadOnlyList<BundleEntry> entries)
{
    private readonly Dictionary<string, BundleEntry> _byPath = entries.GroupBy(e => e.Path, StringComparer.Ordinal)
        .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);

    public IReadOnlyList<BundleEntry> Entries => entries;

    public bool Has(string path) => _byPath.ContainsKey(path);

    public bool Any(string glob) => entries.Any(e => Glob.IsMatch(glob, e.Path));

    /// <summary>The text of a small file, or null when it is absent, binary or too big to be metadata.</summary>
    public string? ReadSmall(string path, int maxBytes = 1 << 20)
    {
        if (!_byPath.TryGetValue(path, out var entry) || entry.IsBinary || entry.Size > maxBytes || entry.Encoding != EntryEncoding.Plain)
        {
            return null;
        }

        try
        {
            return File.ReadAllText(entry.PhysicalPath);
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }
}

/// <summary>A kind of bundle: how to recognise it, which platform it speaks for, its hosts and collection time.</summary>
internal abstract class BundleLayout
{
    public abstract string Name { get; }

    public abstract string? Platform { get; }

    public abstract bool Recognise(LayoutContext context);

    public virtual IReadOnlyList<string> Hosts(LayoutContext context) => [];

    public virtual DateTimeOffset? CollectedAt(LayoutContext context) => null;

    /// <summary>The host a file speaks for, from where the layout puts per-host files.</summary>
    public virtual string? HostOf(string path, IReadOnlyList<string> hosts) => hosts.Count == 1 ? hosts[0] : null;

    /// <summary>Layout-specific reading of a path (Harvester yamls/ are API objects even when they look like config).</summary>
    public virtual FileRole? RoleOf(string path) => null;

    protected static string FirstSegment(string path) => path.Contains('/') ? path[..path.IndexOf('/')] : path;
}

/// <summary>What the scanner does with a file.</summary>
internal enum FileRole
{
    InventoryOnly,
    Log,
    Config,
    Resource,
}
