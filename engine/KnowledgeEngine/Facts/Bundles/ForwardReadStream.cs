namespace KnowledgeEngine.Facts.Bundles;

/// <summary>
/// A read-only, forward-only stream over <see cref="Inner"/> that owns it: the base of the wrappers
/// between a bundle file and its readers (counting, decoding, pasted-text repair). Each overrides only
/// <see cref="Read(Span{byte})"/>, and <see cref="Length"/> / <see cref="Position"/> where it knows them.
/// </summary>
internal abstract class ForwardReadStream(Stream inner) : Stream
{
    protected Stream Inner { get; } = inner;

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public abstract override int Read(Span<byte> buffer);

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            Inner.Dispose();
        }

        base.Dispose(disposing);
    }
}
