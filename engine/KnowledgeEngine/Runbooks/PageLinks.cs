namespace KnowledgeEngine.Runbooks;

/// <summary>
/// Where the links of one page go. A page names the pages it links to by their site path
/// (<c>knowledge/cloudpods/host-offline.md</c>, <c>cloudpods/host-mac-changed.md</c>,
/// <c>index.md</c>); the answer is the href to write, or null when that page cannot be reached
/// from this one, so the link keeps only its text and the page never carries a dead link.
/// </summary>
internal abstract class PageLinks
{
    public abstract string? Href(string sitePath);

    /// <summary>A page of a runbook site (or one printed alone, at its root): relative links to the
    /// pages <paramref name="exists"/> accepts.</summary>
    public static PageLinks InSite(SiteLinks page, Func<string, bool> exists) => new Relative(page, exists);

    /// <summary>A page that holds the articles it links to: each one is an anchor in the page.</summary>
    public static PageLinks Embedded(IReadOnlyDictionary<string, string> anchorByArticlePath) => new InPage(anchorByArticlePath);

    /// <summary>A page that links to the HTML pages of a runbook site written elsewhere
    /// (<c>kb runbook --all -o DIR</c>) at <paramref name="siteBase"/>, a URL or a relative folder.</summary>
    public static PageLinks ToSite(string siteBase) => new External(siteBase.TrimEnd('/'));

    private sealed class Relative(SiteLinks page, Func<string, bool> exists) : PageLinks
    {
        public override string? Href(string sitePath) => exists(sitePath) ? page.Href(sitePath) : null;
    }

    private sealed class InPage(IReadOnlyDictionary<string, string> anchors) : PageLinks
    {
        public override string? Href(string sitePath) => anchors.TryGetValue(sitePath, out var anchor) ? "#" + anchor : null;
    }

    private sealed class External(string siteBase) : PageLinks
    {
        public override string? Href(string sitePath) =>
            (siteBase.Length == 0 ? "" : siteBase + "/") + (sitePath.EndsWith(".md", StringComparison.Ordinal) ? sitePath[..^3] + ".html" : sitePath);
    }
}
