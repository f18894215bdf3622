namespace KnowledgeEngine.Facts.Bundles;

/// <summary>
/// Undoes what copying text through chat tools and CJK input methods does to it, on the UTF-8 bytes
/// every reader reads: full-width ASCII forms (U+FF01–U+FF5E, "：" "，" "（"), which a reporter's editor
/// often puts in place of the ASCII punctuation, become their ASCII characters, the ideographic space
/// becomes a space, and a leading byte order mark is dropped. So `register failed：no networks` matches
/// a rule written with ':'. Only those sequences change; everything else passes through byte for byte.
/// </summary>
internal sealed class PastedTextStream(Stream inner) : ForwardReadStream(inner)
{
    private readonly byte[] _work = new byte[(1 << 16) + 2];
    private readonly byte[] _pending = new byte[2];
    private int _pendingCount;
    private bool _atStart = true;
    private bool _ended;

    public override int Read(Span<byte> buffer)
    {
        if (buffer.Length == 0)
        {
            return 0;
        }

        while (true)
        {
            _pending.AsSpan(0, _pendingCount).CopyTo(_work);
            var carried = _pendingCount;
            _pendingCount = 0;
            var read = _ended ? 0 : Inner.Read(_work.AsSpan(carried, Math.Min(_work.Length - carried, buffer.Length)));
            if (read == 0)
            {
                _ended = true;
            }

            var total = carried + read;
            if (total == 0)
            {
                return 0;
            }

            var i = 0;
            if (_atStart)
            {
                if (total < 3 && !_ended)
                {
                    Stash(i, total);
                    continue;
                }
                if (total >= 3 && _work[0] == 0xEF && _work[1] == 0xBB && _work[2] == 0xBF)
                {
                    i = 3;
                }

                _atStart = false;
            }
            var written = 0;
            while (i < total)
            {
                // Bulk-copy up to the next byte that can start a sequence (vectorised search): almost all
                // text has none, so the stream costs one memory copy.
                var rest = _work.AsSpan(i, total - i);
                var next = rest.IndexOfAny((byte)0xEF, (byte)0xE3);
                if (next < 0)
                {
                    rest.CopyTo(buffer[written..]);
                    written += rest.Length;
                    break;
                }
                rest[..next].CopyTo(buffer[written..]);
                written += next;
                i += next;
                var b = _work[i];
                if (i + 2 >= total && !_ended)
                {
                    Stash(i, total); // a three-byte sequence may continue in the next read
                    break;
                }
                if (i + 2 < total && Ascii(b, _work[i + 1], _work[i + 2]) is { } ascii)
                {
                    buffer[written++] = ascii;
                    i += 3;
                    continue;
                }
                buffer[written++] = b;
                i++;
            }
            if (written > 0 || (_ended && _pendingCount == 0))
            {
                return written;
            }
        }
    }

    private void Stash(int from, int total)
    {
        _pendingCount = total - from;
        _work.AsSpan(from, _pendingCount).CopyTo(_pending);
    }

    /// <summary>EF BC 81..BF is U+FF01..U+FF3F, EF BD 80..9E is U+FF40..U+FF5E (ASCII + 0xFEE0); E3 80 80 is U+3000.</summary>
    private static byte? Ascii(byte b0, byte b1, byte b2) => (b0, b1) switch
    {
        (0xEF, 0xBC) when b2 is >= 0x81 and <= 0xBF => (byte)(b2 - 0x60),
        (0xEF, 0xBD) when b2 is >= 0x80 and <= 0x9E => (byte)(b2 - 0x20),
        (0xE3, 0x80) when b2 == 0x80 => (byte)' ',
        _ => null,
    };
}
