namespace KnowledgeEngine.Facts.Bundles;

/// <summary>How an entry's bytes must be decoded before they are text.</summary>
internal enum EntryEncoding
{
    Plain,
    Gzip,
    Xz,

    /// <summary>UTF-16 text (Windows tools, PowerShell redirections), transcoded to UTF-8 when read.</summary>
    Utf16Le,
    Utf16Be,
}

/// <summary>One file of the bundle: its logical path and where its bytes really are (the folder itself or the unpack workspace).</summary>
internal sealed record BundleEntry(string Path, string PhysicalPath, long Size)
{
    public DateTimeOffset? Modified { get; init; }

    public bool IsBinary { get; init; }

    public EntryEncoding Encoding { get; init; }

    /// <summary>The path a format sniffer should look at: a rotated "x.log.2024-01-01.gz" reads as "x.log.2024-01-01".</summary>
    public string TextPath => Encoding switch
    {
        EntryEncoding.Gzip when Path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) => Path[..^3],
        EntryEncoding.Xz when Path.EndsWith(".xz", StringComparison.OrdinalIgnoreCase) => Path[..^3],
        _ => Path,
    };

    public string FileName => Path[(Path.LastIndexOf('/') + 1)..];
}
