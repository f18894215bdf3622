namespace KnowledgeEngine.Facts.Bundles;

/// <summary>
/// A bundle path that is not a plain file: a named pipe, or a shell's <c>&lt;(cat b.tar.xz)</c>
/// (/dev/fd/N). A pipe nobody writes to blocks the open for ever, so every bundle path is opened
/// with a deadline; <see cref="InputSpooler"/> then copies a pipe into the workspace once.
/// </summary>
internal static class SpecialFile
{
    /// <summary>How long kb waits for a writer to open the other end of a named pipe.</summary>
    public static readonly TimeSpan OpenDeadline = TimeSpan.FromSeconds(5);

    /// <summary>Opens the path for reading; a named pipe nothing writes to is refused after
    /// <see cref="OpenDeadline"/> instead of blocking for ever.</summary>
    public static FileStream Open(string path, string displayName)
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
        return opening.GetAwaiter().GetResult();
    }
}
