namespace KnowledgeEngine.Facts.Bundles;

/// <summary>
/// A bundle path that is not a plain file: a named pipe, or a shell's <c>&lt;(cat b.tar.xz)</c>
/// (/dev/fd/N). Its bytes can be read once only, while kb sniffs a file and then reads it again,
/// and a pipe nobody writes to blocks the open for ever. So the pipe is opened with a deadline
/// and copied into the workspace, within the bundle's size limit, and the copy is read instead.
/// </summary>
internal static class SpecialFile
{
    /// <summary>How long kb waits for a writer to open the other end of a named pipe.</summary>
    public static readonly TimeSpan OpenDeadline = TimeSpan.FromSeconds(5);

    /// <summary>The path to read: <paramref name="path"/> itself when it is a plain file, otherwise a
    /// copy of what the pipe delivered.</summary>
    public static string Readable(string path, string displayName, Workspace workspace, ExtractionBudget budget)
    {
        // Opened for every file path: the length does not tell (a pipe reports the bytes waiting in it).
        var opening = Task.Run(() => new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1));
        if (Task.WaitAny([opening], OpenDeadline) < 0)   // WaitAny, unlike Wait, does not throw for a failed open
        {
            // The open stays blocked in the kernel; that thread is abandoned and ends with the process.
            throw new BundleException(
                $"{displayName}: is a named pipe and nothing opened it for writing within {OpenDeadline.TotalSeconds:0} s. " +
                "Start the program that writes to it first, or give kb a file or folder.");
        }
        using var source = opening.GetAwaiter().GetResult();
        if (source.CanSeek)
            return path;   // an empty file or a device such as /dev/zero: read as it is
        var copy = Path.Combine(workspace.NewFolder(), displayName.Length > 0 ? displayName : "stdin");
        Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
        using var target = File.Create(copy);
        var buffer = new byte[1 << 16];
        long total = 0;
        int read;
        while ((read = source.Read(buffer)) > 0)
        {
            Workspace.ThrowIfStopping();
            total += read;
            if (total > budget.Limits.MaxTotalBytes)
                throw new BundleException(
                    $"{displayName}: the pipe delivered more than {ExtractionBudget.Size(budget.Limits.MaxTotalBytes)}, the most a bundle may hold. " +
                    "Save what it sends to a file and give kb the folders you need.");
            target.Write(buffer, 0, read);
        }
        return copy;
    }
}
