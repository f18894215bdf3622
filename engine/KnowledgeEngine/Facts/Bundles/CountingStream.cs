namespace KnowledgeEngine.Facts.Bundles;

/// <summary>Counts the packed bytes a decompressor pulls, so a tar.gz can be judged by its compression ratio.</summary>
internal sealed class CountingStream(Stream inner) : ForwardReadStream(inner)
{
    public long BytesRead { get; private set; }

    public override long Length => Inner.Length;

    public override long Position
    {
        get => BytesRead;
        set => throw new NotSupportedException();
    }

    public override int Read(Span<byte> buffer)
    {
        var read = Inner.Read(buffer);
        BytesRead += read;
        return read;
    }
}
