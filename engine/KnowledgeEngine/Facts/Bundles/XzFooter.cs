namespace KnowledgeEngine.Facts.Bundles;

/// <summary>
/// Whether an xz file still has its end: a stream closes with a 12-byte footer ending in "YZ"
/// (format spec 2.1.2), possibly followed by zero padding in groups of four. A copy cut short
/// lacks it, which tells a truncated file from one damaged inside when the decoder fails.
/// </summary>
internal static class XzFooter
{
    private const int MinStreamBytes = 32;

    public static bool IsPresent(string path)
    {
        try
        {
            using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 12);
            var end = file.Length;
            var word = new byte[4];
            while (end >= MinStreamBytes && ReadAt(file, end - 4, word) is [0, 0, 0, 0])
            {
                end -= 4;
            }

            return end >= MinStreamBytes && ReadAt(file, end - 4, word) is [_, _, (byte)'Y', (byte)'Z'];
        }
        catch (IOException)
        {
            return false;
        }
    }

    private static byte[] ReadAt(FileStream file, long offset, byte[] buffer)
    {
        file.Position = offset;
        file.ReadExactly(buffer);
        return buffer;
    }
}
