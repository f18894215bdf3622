namespace KnowledgeEngine.Facts.Bundles;

/// <summary>Looks at the first bytes of a file: is it an archive, a compressed text, or binary?</summary>
internal static class ContentSniffer
{
    private const int SampleLength = 8192;

    /// <summary>For gzip and xz: does the decompressed stream start with a tar header?</summary>
    public static bool WrapsTar(string file, ArchiveKind kind)
    {
        try
        {
            var head = ReadDecoded(file, kind == ArchiveKind.Gzip ? EntryEncoding.Gzip : EntryEncoding.Xz, ArchiveSniffer.HeaderLength);
            return ArchiveSniffer.IsTarHeader(head);
        }
        catch (Exception ex) when (ex is InvalidDataException or EndOfStreamException or IOException or SharpCompress.Common.ArchiveException)
        {
            return false;
        }
    }

    /// <summary>Whether the start of a gzip/xz file decompresses at all; a file that fails here is
    /// corrupt or cut short, not a compressed log.</summary>
    public static bool Decodes(string file, ArchiveKind kind)
    {
        try
        {
            ReadDecoded(file, kind == ArchiveKind.Gzip ? EntryEncoding.Gzip : EntryEncoding.Xz, ArchiveSniffer.HeaderLength);
            return true;
        }
        catch (Exception ex) when (ex is InvalidDataException or EndOfStreamException or IOException or SharpCompress.Common.ArchiveException)
        {
            return false;
        }
    }

    public static byte[] ReadDecoded(string file, EntryEncoding encoding, int length)
    {
        using var raw = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 12);
        using var decoded = Decoders.Open(raw, file, encoding);
        var buffer = new byte[length];
        var read = decoded.ReadAtLeast(buffer, length, throwOnEndOfStream: false);
        return buffer[..read];
    }

    /// <summary>UTF-16 by its byte order mark, or without one by NULs in every other byte of ASCII-range text.</summary>
    public static EntryEncoding? Utf16(ReadOnlySpan<byte> head)
    {
        if (head.Length >= 2 && head[0] == 0xFF && head[1] == 0xFE)
        {
            return EntryEncoding.Utf16Le;
        }

        if (head.Length >= 2 && head[0] == 0xFE && head[1] == 0xFF)
        {
            return EntryEncoding.Utf16Be;
        }

        var pairs = Math.Min(head.Length, 512) / 2;
        if (pairs < 8)
        {
            return null;
        }

        int evenNul = 0, oddNul = 0;
        for (var i = 0; i < pairs * 2; i += 2)
        {
            if (head[i] == 0 && head[i + 1] != 0)
            {
                evenNul++;
            }
            else if (head[i] != 0 && head[i + 1] == 0)
            {
                oddNul++;
            }
        }
        return oddNul * 10 >= pairs * 9 ? EntryEncoding.Utf16Le : evenNul * 10 >= pairs * 9 ? EntryEncoding.Utf16Be : null;
    }

    /// <summary>NUL bytes, or many control bytes, mean the content is not text a rule could read.</summary>
    public static bool IsBinary(ReadOnlySpan<byte> sample)
    {
        if (sample.IndexOf((byte)0) >= 0)
        {
            return true;
        }

        var control = 0;
        foreach (var b in sample)
        {
            if (b < 0x20 && b is not ((byte)'\n' or (byte)'\r' or (byte)'\t' or 0x1B or 0x0C))
            {
                control++;
            }
        }
        return sample.Length > 0 && control * 10 > sample.Length;
    }

    public static bool IsBinaryFile(string file, EntryEncoding encoding)
    {
        try
        {
            return IsBinary(ReadDecoded(file, encoding, SampleLength));
        }
        catch (Exception ex) when (ex is InvalidDataException or EndOfStreamException or SharpCompress.Common.ArchiveException)
        {
            return true;
        }
    }
}
