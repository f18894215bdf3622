namespace KnowledgeEngine.Facts.Bundles;

internal enum ArchiveKind
{
    None,
    Zip,
    Tar,
    Gzip,
    Xz,
    Bzip2,
    Zstd,
    Age,
}

/// <summary>Tells archives apart by their first bytes: names lie (a .zip that is really age, a log that is really gzip).</summary>
internal static class ArchiveSniffer
{
    public const int HeaderLength = 512;

    private static ReadOnlySpan<byte> AgeHeader => "age-encryption.org/v1"u8;
    private static ReadOnlySpan<byte> AgeArmor => "-----BEGIN AGE ENCRYPTED FILE-----"u8;

    public static ArchiveKind Detect(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith("PK\x03\x04"u8) || head.StartsWith("PK\x05\x06"u8))
        {
            return ArchiveKind.Zip;
        }

        if (head.Length >= 2 && head[0] == 0x1F && head[1] == 0x8B)
        {
            return ArchiveKind.Gzip;
        }

        if (head.StartsWith((ReadOnlySpan<byte>)[0xFD, (byte)'7', (byte)'z', (byte)'X', (byte)'Z', 0x00]))
        {
            return ArchiveKind.Xz;
        }

        if (head.StartsWith("BZh"u8))
        {
            return ArchiveKind.Bzip2;
        }

        if (head.StartsWith((ReadOnlySpan<byte>)[0x28, 0xB5, 0x2F, 0xFD]))
        {
            return ArchiveKind.Zstd;
        }

        if (head.StartsWith(AgeHeader) || head.StartsWith(AgeArmor))
        {
            return ArchiveKind.Age;
        }

        if (IsTarHeader(head))
        {
            return ArchiveKind.Tar;
        }

        return ArchiveKind.None;
    }

    /// <summary>"ustar" at 257 for POSIX/GNU tars; otherwise a valid header checksum for old V7 tars.</summary>
    public static bool IsTarHeader(ReadOnlySpan<byte> head)
    {
        if (head.Length < 512)
        {
            return false;
        }

        if (head.Slice(257, 5).SequenceEqual("ustar"u8))
        {
            return true;
        }

        var stored = ParseOctal(head.Slice(148, 8));
        if (stored <= 0 || head[0] == 0)
        {
            return false;
        }

        long sum = 0;
        for (var i = 0; i < 512; i++)
        {
            sum += i is >= 148 and < 156 ? (byte)' ' : head[i];
        }

        return sum == stored;
    }

    private static long ParseOctal(ReadOnlySpan<byte> field)
    {
        long value = 0;
        var seen = false;
        foreach (var b in field)
        {
            if (b is (byte)' ' or 0)
            {
                if (seen)
                {
                    break;
                }

                continue;
            }
            if (b is < (byte)'0' or > (byte)'7')
            {
                return -1;
            }

            value = value * 8 + (b - '0');
            seen = true;
        }
        return seen ? value : -1;
    }

    public static ArchiveKind DetectFile(string path, out byte[] head)
    {
        head = new byte[HeaderLength];
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1);
        var read = stream.ReadAtLeast(head, HeaderLength, throwOnEndOfStream: false);
        head = head[..read];
        return Detect(head);
    }
}
