namespace KnowledgeEngine.Facts;

/// <summary>Bounds that keep a hostile or broken bundle from filling the disk or the memory.</summary>
public sealed record BundleLimits
{
    public static BundleLimits Default { get; } = new();

    /// <summary>Bytes all archives of a bundle may unpack to, nested ones included.</summary>
    public long MaxTotalBytes { get; init; } = 8L << 30;

    /// <summary>Files a bundle may hold, nested archives included.</summary>
    public int MaxEntries { get; init; } = 200_000;

    /// <summary>Unpacked-to-packed ratio above which an entry is taken for an archive bomb.</summary>
    public double MaxCompressionRatio { get; init; } = 200;

    /// <summary>The ratio is only judged past this many unpacked bytes: tiny files compress absurdly well.</summary>
    public long RatioCheckAfterBytes { get; init; } = 16L << 20;

    /// <summary>Archives inside archives inside archives... (Harvester needs 3: bundle → node zip → txz).</summary>
    public int MaxNestingDepth { get; init; } = 4;

    /// <summary>Longer lines are cut here (with a warning): one line must not hold the scanner's memory hostage.</summary>
    public int MaxLineLength { get; init; } = 1 << 20;

    /// <summary>Lines of one multi-line record beyond which the record is closed and a new one starts.</summary>
    public int MaxRecordLines { get; init; } = 1000;
}
