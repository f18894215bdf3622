namespace KnowledgeEngine.Cli.Commands;

/// <summary>Writes a command's report to stdout or to the -o file, reporting a file that cannot
/// be written as an error for people instead of a stack trace.</summary>
internal static class ReportOutput
{
    public static bool Write(string command, string? path, string text)
    {
        if (path is null)
        {
            Console.Out.Write(text);
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
            Console.Error.WriteLine($"kb {command}: cannot write '{path}' ({e.Message}) — choose a writable file with -o.");
            return false;
        }
    }
}
