namespace KnowledgeEngine.Facts.Bundles;

/// <summary>
/// Copies a stream that can be read only once (standard input, a pipe, a FIFO, a process substitution
/// such as &lt;(cat b.tar.gz)) into the workspace, so it is read exactly once and then sniffed, unpacked
/// and scanned like any file. Without an extension of its own it gets one from its content, so the
/// classifier reads a pasted List as resources and a pasted log as a log.
/// </summary>
internal static class InputSpooler
{
    public static UnpackedItem Spool(Stream source, string name, string describe, Workspace workspace, ExtractionBudget budget)
    {
        var folder = workspace.NewFolder();
        Directory.CreateDirectory(folder);
        var physical = Path.Combine(folder, "input");
        long total = 0;
        using (var target = File.Create(physical))
        {
            var buffer = new byte[1 << 16];
            int read;
            while ((read = source.Read(buffer, 0, buffer.Length)) > 0)
            {
                total += read;
                budget.CountBytes(describe, name, read);
                target.Write(buffer, 0, read);
            }
        }
        if (total == 0)
        {
            throw new BundleException($"{describe} is empty: nothing was read from it. Pipe the log or bundle in " +
                                      "(e.g. 'kubectl logs ds/default-host -c host | kb diagnose -') or give the path of a file.");
        }

        var named = Path.HasExtension(name) ? name : name + ExtensionFor(physical);
        return new UnpackedItem(named, physical, total, DateTimeOffset.UtcNow);
    }

    /// <summary>
    /// Opens an existing file once and keeps it open when it cannot seek (a pipe, a FIFO, /dev/stdin):
    /// such a path must be read through this one stream, since opening a FIFO again after its writer is
    /// gone blocks forever and a pipe gives its bytes only once. Null for a regular file.
    /// </summary>
    public static Stream? OpenIfStream(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            return null;
        }

        var stream = SpecialFile.Open(path, Path.GetFileName(path));
        if (!stream.CanSeek)
        {
            return stream;
        }

        stream.Dispose();
        return null;
    }

    private static string ExtensionFor(string physical)
    {
        var head = ContentSniffer.ReadDecoded(physical, EntryEncoding.Plain, 4096);
        if (ArchiveSniffer.Detect(head) != ArchiveKind.None)
        {
            return "";
        }

        var text = System.Text.Encoding.UTF8.GetString(head).TrimStart('\uFEFF');
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            if (line.StartsWith('{') || line == "[" || line.StartsWith("[{", StringComparison.Ordinal) || line.StartsWith("[\"", StringComparison.Ordinal))
            {
                return ".json";
            }

            if (line == "---" || line.StartsWith("apiVersion:", StringComparison.Ordinal) || line.StartsWith("kind:", StringComparison.Ordinal)
                || line.StartsWith("items:", StringComparison.Ordinal) || line.StartsWith("- apiVersion:", StringComparison.Ordinal))
            {
                return ".yaml";
            }

            return ".log";
        }
        return ".log";
    }
}
