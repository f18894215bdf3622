namespace KnowledgeEngine.Runbooks;

/// <summary>
/// Where pages live in a runbook site and the relative link from one page to another. A site
/// holds a runbook per rule at <c>&lt;rule-id&gt;.md</c>, the knowledge articles under
/// <c>knowledge/</c> and <c>index.md</c>; a page printed alone counts as sitting at the root, so
/// its article links read <c>knowledge/&lt;platform&gt;/&lt;article&gt;.md</c> as in the repository.
/// </summary>
internal sealed class SiteLinks(string pagePath)
{
    public const string IndexPath = "index.md";

    /// <summary>A page at the site root, for output that is not part of a written site.</summary>
    public static SiteLinks Root { get; } = new("runbook.md");

    public string PagePath { get; } = pagePath;

    public static string RunbookPath(string ruleId) => ruleId + ".md";

    public static string ArticlePath(string articlePath) => "knowledge/" + articlePath.Replace('\\', '/');

    /// <summary>The link from this page to <paramref name="sitePath"/> (both relative to the site root).</summary>
    public string Href(string sitePath)
    {
        var from = Directory(PagePath);
        var to = sitePath.Split('/');
        var common = 0;
        while (common < from.Length && common < to.Length - 1 && from[common] == to[common])
        {
            common++;
        }

        return string.Join('/', Enumerable.Repeat("..", from.Length - common).Concat(to.Skip(common)));
    }

    /// <summary>Resolves <paramref name="relative"/> as written in the page at <paramref name="fromPage"/>
    /// to a site path; null when it climbs above the site root.</summary>
    public static string? Resolve(string fromPage, string relative)
    {
        var parts = new List<string>(Directory(fromPage));
        foreach (var part in relative.Split('/'))
        {
            if (part == "..")
            {
                if (parts.Count == 0)
                {
                    return null;
                }

                parts.RemoveAt(parts.Count - 1);
            }
            else if (part is not ("." or ""))
            {
                parts.Add(part);
            }
        }

        return string.Join('/', parts);
    }

    private static string[] Directory(string page)
    {
        var parts = page.Split('/');
        return parts[..^1];
    }
}
