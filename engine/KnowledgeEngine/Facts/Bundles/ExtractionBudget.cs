namespace KnowledgeEngine.Facts.Bundles;

/// <summary>Counts what all archives of one bundle have unpacked so far and stops at the limits.</summary>
internal sealed class ExtractionBudget(BundleLimits limits)
{
    private long _totalBytes;
    private int _entries;

    public BundleLimits Limits => limits;

    public void CountEntry(string archive, string entry)
    {
        if (++_entries > limits.MaxEntries)
        {
            throw new BundleException(
                $"{archive}: more than {limits.MaxEntries} files (stopped at '{entry}'); this looks like an archive bomb. " +
                "Unpack only the folders you need and point kb at that folder.");
        }
    }

    public void CountBytes(string archive, string entry, long bytes)
    {
        _totalBytes += bytes;
        if (_totalBytes > limits.MaxTotalBytes)
        {
            throw new BundleException(
                $"{archive}: entry '{entry}' takes the unpacked bundle past {Size(limits.MaxTotalBytes)}; this looks like an archive bomb. " +
                "Unpack only the folders you need and point kb at that folder.");
        }
    }

    /// <summary>Judges unpacked against packed bytes once enough has come out for the ratio to mean something.</summary>
    public void CheckRatio(string archive, string entry, long unpacked, long packed)
    {
        if (unpacked < limits.RatioCheckAfterBytes)
        {
            return;
        }

        var ratio = unpacked / (double)Math.Max(packed, 1);
        if (ratio > limits.MaxCompressionRatio)
        {
            throw new BundleException(
                $"{archive}: entry '{entry}' expands more than {limits.MaxCompressionRatio:0}:1 ({Size(unpacked)} from {Size(packed)}); " +
                "this looks like an archive bomb. Unpack only the folders you need and point kb at that folder.");
        }
    }

    public static string Size(long bytes) => bytes switch
    {
        >= 1L << 30 => $"{bytes / (double)(1L << 30):0.#} GiB",
        >= 1L << 20 => $"{bytes / (double)(1L << 20):0.#} MiB",
        >= 1L << 10 => $"{bytes / (double)(1L << 10):0.#} KiB",
        _ => $"{bytes} B",
    };
}
