namespace KnowledgeEngine.Cli.Commands;

/// <summary>Writes a command's report to stdout or to the -o file, reporting a file that cannot
/// be written as an error for people instead of a stack trace.</summary>
internal static class ReportOutput
{
    /// <summary>Why <paramref name="path"/> must not receive the report, or null when it may: a folder
    /// cannot, and neither can one of the command's inputs (the collected bundle, the template),
    /// which the report would silently replace.</summary>
    public static string? Refusal(string command, string? path, params string?[] inputs)
    {
        if (path is null)
        {
            return null;
        }

        if (Directory.Exists(path))
        {
            return $"kb {command}: -o '{path}' is a folder; name the report file, e.g. -o {Path.Combine(path, "report.md")}.";
        }

        var target = RealPath(path);
        foreach (var input in inputs)
        {
            if (input is not null && File.Exists(input) && string.Equals(RealPath(input), target, StringComparison.Ordinal))
            {
                return $"kb {command}: -o '{path}' is also an input of this command ('{input}'); the report would overwrite it. Choose another file for -o.";
            }
        }

        return null;
    }

    /// <summary>Writes <paramref name="text"/> to <paramref name="path"/> (its folder created: CI paths
    /// such as out/junit.xml often do not exist yet), or to stdout when there is no path.</summary>
    public static bool Write(string command, string? path, string text, string option = "-o")
    {
        if (path is null)
        {
            Console.Out.Write(text);   // through Program.Run's TerminalSafeWriter
            return true;
        }

        try
        {
            var folder = Path.GetDirectoryName(Path.GetFullPath(path));
            if (folder is not null)
            {
                Directory.CreateDirectory(folder);
            }

            File.WriteAllText(path, text);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"kb {command}: cannot write '{path}' ({e.Message}) — choose a writable file with {option}.");
            return false;
        }
    }

    /// <summary>The absolute path with every link resolved, so that a link to the bundle counts as the bundle.</summary>
    private static string RealPath(string path)
    {
        var full = Path.GetFullPath(path);
        try
        {
            return File.ResolveLinkTarget(full, returnFinalTarget: true)?.FullName ?? full;
        }
        catch (IOException)
        {
            return full;
        }
    }
}
