namespace KnowledgeEngine.Tests.Facts;

/// <summary>
/// Writes a valid .xz stream whose LZMA2 chunks are stored uncompressed — enough to test that kb reads xz
/// (sosreports, Harvester scc_*.txz) without shelling out to the xz tool.
/// </summary>
internal static class XzWriter
{
    public static byte[] Wrap(byte[] content)
    {
        var output = new List<byte>();
        // Stream header: magic, flags (check type 1 = CRC32), CRC32 of the flags.
        output.AddRange([0xFD, 0x37, 0x7A, 0x58, 0x5A, 0x00]);
        byte[] flags = [0x00, 0x01];
        output.AddRange(flags);
        output.AddRange(Le32(Crc32(flags)));

        // Block header: size byte, flags (1 filter), LZMA2 filter id 0x21, one property byte, padding, CRC32.
        byte[] blockHeader = [0x02, 0x00, 0x21, 0x01, 0x16, 0x00, 0x00, 0x00];
        var blockStart = output.Count;
        output.AddRange(blockHeader);
        output.AddRange(Le32(Crc32(blockHeader)));

        // LZMA2 uncompressed chunks: 0x01 (dictionary reset) first, then 0x02; size-1 big-endian.
        var first = true;
        for (var offset = 0; offset < content.Length; offset += 65536)
        {
            var size = Math.Min(65536, content.Length - offset);
            output.Add(first ? (byte)0x01 : (byte)0x02);
            output.Add((byte)((size - 1) >> 8));
            output.Add((byte)((size - 1) & 0xFF));
            output.AddRange(content.AsSpan(offset, size).ToArray());
            first = false;
        }
        output.Add(0x00);
        var unpadded = output.Count - blockStart;
        while ((output.Count - blockStart) % 4 != 0)
        {
            output.Add(0x00);
        }

        output.AddRange(Le32(Crc32(content)));
        unpadded += 4;

        // Index: indicator, record count, (unpadded size, uncompressed size), padding, CRC32.
        var index = new List<byte> { 0x00 };
        index.AddRange(Varint(1));
        index.AddRange(Varint((ulong)unpadded));
        index.AddRange(Varint((ulong)content.Length));
        while (index.Count % 4 != 0)
        {
            index.Add(0x00);
        }

        index.AddRange(Le32(Crc32(index.ToArray())));
        output.AddRange(index);

        // Stream footer: CRC32, backward size, flags, magic.
        var footer = new List<byte>();
        footer.AddRange(Le32((uint)(index.Count / 4 - 1)));
        footer.AddRange(flags);
        output.AddRange(Le32(Crc32(footer.ToArray())));
        output.AddRange(footer);
        output.AddRange("YZ"u8.ToArray());
        return output.ToArray();
    }

    private static IEnumerable<byte> Varint(ulong value)
    {
        while (value >= 0x80)
        {
            yield return (byte)(value | 0x80);
            value >>= 7;
        }
        yield return (byte)value;
    }

    private static byte[] Le32(uint value) => BitConverter.GetBytes(value);

    private static uint Crc32(byte[] data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
            }
        }
        return ~crc;
    }
}
