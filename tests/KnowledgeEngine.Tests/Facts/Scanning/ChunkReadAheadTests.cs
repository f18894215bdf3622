using KnowledgeEngine.Facts.Scanning;

namespace KnowledgeEngine.Tests.Facts.Scanning;

/// <summary>The log scan's reader, which reads the next chunk of a file on another thread while the current one is
/// searched: the same bytes in the same order as reading the stream, its errors where the read was asked for, and no
/// read left running on a stream about to be closed.</summary>
public sealed class ChunkReadAheadTests
{
    private const int Chunk = 1024;

    [Theory]
    [InlineData(0)]
    [InlineData(10)]
    [InlineData(Chunk)]
    [InlineData(2 * Chunk)]
    [InlineData(5 * Chunk / 2)]
    public void Gives_the_stream_s_bytes_in_order_then_an_empty_chunk(int length)
    {
        var data = Enumerable.Range(0, length).Select(i => (byte)(i * 7 % 251)).ToArray();
        using var reader = new ChunkReadAhead(new MemoryStream(data), Chunk);

        var read = new List<byte>();
        var chunks = 0;
        for (var (bytes, count) = reader.Next(); count > 0; (bytes, count) = reader.Next())
        {
            Assert.True(count <= Chunk);
            read.AddRange(bytes.AsSpan(0, count).ToArray());
            chunks++;
        }

        Assert.Equal(data, read);
        Assert.Equal((length + Chunk - 1) / Chunk, chunks);
        Assert.Equal(0, reader.Next().Count);
    }

    [Fact]
    public void A_read_that_fails_ahead_throws_its_own_exception_from_the_next_call()
    {
        using var reader = new ChunkReadAhead(new FailingStream(failAfter: Chunk), Chunk);

        Assert.Equal(Chunk, reader.Next().Count);
        var error = Assert.Throws<IOException>(() => reader.Next());
        Assert.Equal("device gone", error.Message);
    }

    [Fact]
    public void Disposing_waits_for_the_read_under_way()
    {
        var stream = new SlowStream(length: 3 * Chunk);
        var reader = new ChunkReadAhead(stream, Chunk);
        Assert.Equal(Chunk, reader.Next().Count);

        reader.Dispose();

        Assert.False(stream.Reading);
        Assert.Equal(2 * Chunk, stream.Position);
    }

    [Fact]
    public void Disposing_after_a_failed_read_ahead_does_not_throw()
    {
        var reader = new ChunkReadAhead(new FailingStream(failAfter: Chunk), Chunk);
        Assert.Equal(Chunk, reader.Next().Count);

        var error = Record.Exception(reader.Dispose);

        Assert.Null(error);
    }

    /// <summary>Serves zeros, then fails once <paramref name="failAfter"/> bytes were read.</summary>
    private sealed class FailingStream(int failAfter) : ReadOnlyStream(failAfter)
    {
        public override int Read(byte[] buffer, int offset, int count) =>
            Position < Length ? base.Read(buffer, offset, count) : throw new IOException("device gone");
    }

    /// <summary>Takes 50 ms a read and records whether one is running.</summary>
    private sealed class SlowStream(int length) : ReadOnlyStream(length)
    {
        public bool Reading { get; private set; }

        public override int Read(byte[] buffer, int offset, int count)
        {
            Reading = true;
            Thread.Sleep(50);
            var read = base.Read(buffer, offset, count);
            Reading = false;
            return read;
        }
    }

    /// <summary>A stream of zeros that reads only through <see cref="Read(byte[], int, int)"/>, so a test stream
    /// overrides that one alone (MemoryStream's span read would call back into it).</summary>
    private abstract class ReadOnlyStream(int length) : Stream
    {
        private long _position;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => length;

        public override long Position
        {
            get => _position;
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var read = (int)Math.Min(count, length - _position);
            Array.Clear(buffer, offset, read);
            _position += read;
            return read;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
