using System.IO.Compression;
using SharpCompress.Compressors.Xz;

namespace KnowledgeEngine.Facts.Bundles;

/// <summary>
/// The one way kb opens gzip and xz data. Whatever a damaged stream makes the decoder throw
/// (SharpCompress raises its own exception types, some not derived from IOException) comes out as
/// <see cref="InvalidDataException"/>, which every reader already reports for people. The decoders
/// compare the gzip CRC and the xz block checks when they reach them, so readers of an archive must
/// read its stream to the end (see ArchiveExtractor).
/// </summary>
internal static class Decoders
{
    /// <summary>The smallest complete gzip member (10-byte header, empty deflate block, 8-byte trailer).</summary>
    private const int MinGzipBytes = 20;

    /// <summary>The smallest complete xz stream (12-byte header, empty index, 12-byte footer).</summary>
    private const int MinXzBytes = 32;

    /// <summary>Decodes <paramref name="raw"/>, the content of <paramref name="file"/>.</summary>
    public static Stream Open(Stream raw, string file, EntryEncoding encoding, bool leaveOpen = false)
    {
        try
        {
            return Decode(raw, file, encoding, leaveOpen);
        }
        catch when (!leaveOpen)
        {
            raw.Dispose();
            throw;
        }
    }

    private static Stream Decode(Stream raw, string file, EntryEncoding encoding, bool leaveOpen) => encoding switch
    {
        EntryEncoding.Gzip => new DecodingStream(new GZipStream(Checked(raw, file, MinGzipBytes, "gzip"), CompressionMode.Decompress, leaveOpen), "gzip", () => false,
            decoded => GzipTrailer.Matches(file, decoded) ? null : "the gzip data ends before its stream does"),
        EntryEncoding.Xz => new DecodingStream(new XZStream(Checked(raw, file, MinXzBytes, "xz")), "xz", () => !XzFooter.IsPresent(file), _ => null),
        EntryEncoding.Utf16Le => System.Text.Encoding.CreateTranscodingStream(raw, System.Text.Encoding.Unicode, System.Text.Encoding.UTF8, leaveOpen),
        EntryEncoding.Utf16Be => System.Text.Encoding.CreateTranscodingStream(raw, System.Text.Encoding.BigEndianUnicode, System.Text.Encoding.UTF8, leaveOpen),
        _ => raw,
    };

    public static EntryEncoding EncodingOf(ArchiveKind kind) => kind switch
    {
        ArchiveKind.Gzip => EntryEncoding.Gzip,
        ArchiveKind.Xz => EntryEncoding.Xz,
        _ => EntryEncoding.Plain,
    };

    /// <summary>A file too short to hold even an empty stream decodes to nothing without complaint;
    /// it is a cut-short copy, and saying so beats reading it as an empty log.</summary>
    private static Stream Checked(Stream raw, string file, int minimum, string format)
    {
        var length = new FileInfo(file).Length;
        if (length < minimum)
        {
            throw new InvalidDataException($"the file ends before its {format} data does ({length} bytes; a complete {format} stream takes at least {minimum})");
        }

        return raw;
    }
}

/// <summary>Re-raises a decoder's failure as <see cref="InvalidDataException"/> with the format named.</summary>
/// <param name="cutShort">Whether the file lacks its end, so that a decoder's error means it was truncated.</param>
/// <param name="atEnd">Given the bytes decoded when the decoder reports the end: why that end is
/// premature, or null. (.NET's gzip decoder ends a cut-short stream quietly.)</param>
internal sealed class DecodingStream(Stream inner, string format, Func<bool> cutShort, Func<long, string?> atEnd) : ForwardReadStream(inner)
{
    private long _decoded;

    public override int Read(Span<byte> buffer)
    {
        int read;
        try
        {
            read = Inner.Read(buffer);
        }
        catch (Exception ex) when (ex is not (InvalidDataException or OperationCanceledException or OutOfMemoryException or UnauthorizedAccessException)
                                       && (ex is not IOException || ex is EndOfStreamException))
        {
            var ending = ex is EndOfStreamException || ex.Message.Contains("end of", StringComparison.OrdinalIgnoreCase) || cutShort();
            var check = ex.Message.Contains("check", StringComparison.OrdinalIgnoreCase) || ex.Message.Contains("crc", StringComparison.OrdinalIgnoreCase);
            throw new InvalidDataException(
                ending ? $"the {format} data ends before its stream does"
                : check ? $"the {format} integrity check does not match the data ({ex.Message.TrimEnd('.')})"
                : $"the {format} data is damaged ({ex.Message.TrimEnd('.')})", ex);
        }

        _decoded += read;
        if (read == 0 && buffer.Length > 0 && atEnd(_decoded) is { } premature)
        {
            throw new InvalidDataException(premature);
        }

        return read;
    }
}

/// <summary>
/// A gzip member ends with the decoded size modulo 2^32 (RFC 1952, ISIZE). When the decoder stops
/// and that number does not match what came out, the file was cut short: its last bytes are
/// compressed data, not a trailer. (A file of several members carries the last one's size; such
/// files are rare in bundles and would be reported as cut short.)
/// </summary>
internal static class GzipTrailer
{
    public static bool Matches(string path, long decoded)
    {
        try
        {
            using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1);
            if (file.Length < 4)
            {
                return false;
            }

            file.Position = file.Length - 4;
            Span<byte> size = stackalloc byte[4];
            file.ReadExactly(size);
            return System.Buffers.Binary.BinaryPrimitives.ReadUInt32LittleEndian(size) == (uint)decoded;
        }
        catch (IOException)
        {
            return false;
        }
    }
}
