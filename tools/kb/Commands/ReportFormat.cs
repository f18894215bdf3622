namespace KnowledgeEngine.Cli.Commands;

/// <summary>Which format kb diagnose writes: the one --format names, else the one the -o file's
/// extension names (report.html is HTML, not the box table).</summary>
internal static class ReportFormat
{
    private static readonly Dictionary<string, string> ByExtension = new(StringComparer.OrdinalIgnoreCase)
    {
        [".json"] = "json",
        [".md"] = "markdown",
        [".markdown"] = "markdown",
        [".html"] = "html",
        [".htm"] = "html",
        [".txt"] = "table",
    };

    /// <summary>The format, and a note for standard error when the extension chose it.</summary>
    public static (string Format, string? Note) Choose(string command, string given, bool explicitlyGiven, string? target)
    {
        if (explicitlyGiven || target is null || !ByExtension.TryGetValue(Path.GetExtension(target), out var byExtension) || byExtension == given)
        {
            return (given, null);
        }

        return (byExtension, $"kb {command}: writing {byExtension} to '{target}', as its extension says (give --format to choose another).");
    }

    /// <summary>What --format will be once the -o extension has had its say, for option checks.</summary>
    public static string Effective(string given, bool explicitlyGiven, string? target) =>
        Choose("", given, explicitlyGiven, target).Format;
}
