using System.CommandLine;

namespace KnowledgeEngine.Cli.Commands;

/// <summary>--site: where a report's article and rule links go. A URL is used as given; a folder
/// must hold a site written by <c>kb runbook --all -o DIR</c> (its index.html), and is linked
/// relative to the folder the report is written to, so the pair can be moved together.</summary>
internal static class SiteOption
{
    public static Option<string?> Create() =>
        new("--site")
        {
            Description = "Link articles and rules to the runbook site at this URL or folder (written by kb runbook --all -o DIR) " +
                          "instead of putting the articles in the report",
        };

    /// <summary>The link base for a report written to <paramref name="output"/> (stdout: the current
    /// folder), or null and the error for people when the folder holds no site.</summary>
    public static (string? Base, string? Error) Resolve(string command, string site, string? output)
    {
        // Only a written scheme makes a URL: on Linux an absolute path also parses as a file URI.
        if (site.Contains("://", StringComparison.Ordinal) && Uri.TryCreate(site, UriKind.Absolute, out _))
        {
            return (site.TrimEnd('/'), null);
        }

        if (!File.Exists(Path.Combine(site, "index.html")))
        {
            return (null, $"kb {command}: --site '{site}' holds no runbook site (no index.html there) — write one with kb runbook --all -o {site}, or give the site's URL.");
        }

        var from = output is null ? Directory.GetCurrentDirectory() : Path.GetDirectoryName(Path.GetFullPath(output))!;
        var relative = Path.GetRelativePath(from, Path.GetFullPath(site)).Replace('\\', '/');
        return (relative == "." ? "" : relative, null);
    }
}
