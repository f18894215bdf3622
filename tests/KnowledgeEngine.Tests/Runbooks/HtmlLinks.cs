using System.Net;
using System.Text.RegularExpressions;

namespace KnowledgeEngine.Tests.Runbooks;

/// <summary>The links of a written HTML page, checked as a browser would follow them: a relative
/// link must name a file that exists (and, with a fragment, an id in it), a bare fragment an id
/// of the page itself. Absolute URLs are not followed.</summary>
internal static partial class HtmlLinks
{
    public static IReadOnlyList<string> Hrefs(string html) =>
        Href().Matches(html).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)).ToList();

    public static HashSet<string> Ids(string html) =>
        Id().Matches(html).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)).ToHashSet(StringComparer.Ordinal);

    /// <summary>Each link of <paramref name="page"/> that does not load, as "href: why".</summary>
    public static IReadOnlyList<string> Dead(string page)
    {
        var html = File.ReadAllText(page);
        var dead = new List<string>();
        foreach (var href in Hrefs(html).Where(h => !h.Contains("://", StringComparison.Ordinal) && !h.StartsWith("mailto:", StringComparison.Ordinal)))
        {
            var hash = href.IndexOf('#');
            var (file, fragment) = hash < 0 ? (href, "") : (href[..hash], href[(hash + 1)..]);
            var target = file.Length == 0 ? page : Path.GetFullPath(Path.Combine(Path.GetDirectoryName(page)!, Uri.UnescapeDataString(file)));
            if (!File.Exists(target))
            {
                dead.Add($"{href}: no file {target}");
            }
            else if (fragment.Length > 0 && !Ids(File.ReadAllText(target)).Contains(Uri.UnescapeDataString(fragment)))
            {
                dead.Add($"{href}: no id '{fragment}' in {Path.GetFileName(target)}");
            }
        }

        return dead;
    }

    [GeneratedRegex("href=\"([^\"]*)\"")]
    private static partial Regex Href();

    [GeneratedRegex("id=\"([^\"]*)\"")]
    private static partial Regex Id();
}
