using Microsoft.Playwright;

namespace KnowledgeEngine.BrowserTests;

/// <summary>
/// Follows every link of a set of pages in the browser: each file:// page is opened once (pages
/// under <c>root</c> have their own links followed in turn), and each link must load — the page
/// opens without a navigation error and, when the link has a fragment, holds an element with that
/// id. Links with another scheme (https, mailto) are counted, not fetched: CI has no network.
/// </summary>
internal sealed class LinkCrawler(IPage page, string root)
{
    private readonly Dictionary<string, HashSet<string>?> _ids = new(StringComparer.Ordinal);
    private readonly List<(string From, string Href)> _links = [];
    private readonly string _root = new Uri(Path.TrimEndingDirectorySeparator(root) + Path.DirectorySeparatorChar).AbsoluteUri;

    public int PagesOpened => _ids.Count;

    public int LinksFollowed => _links.Count;

    public int ExternalLinks { get; private set; }

    /// <summary>Crawls from <paramref name="start"/>; returns every link that does not load, as "from → href: why".</summary>
    public async Task<IReadOnlyList<string>> DeadLinksFromAsync(string start)
    {
        var queue = new Queue<string>([start]);
        while (queue.TryDequeue(out var url))
        {
            if (_ids.ContainsKey(url))
            {
                continue;
            }

            var opened = await OpenAsync(url);
            _ids[url] = opened?.Ids;
            foreach (var href in opened?.Links ?? [])
            {
                if (!href.StartsWith("file://", StringComparison.Ordinal))
                {
                    ExternalLinks++;
                    continue;
                }

                _links.Add((url, href));
                var file = Document(href);
                if (_ids.ContainsKey(file) || queue.Contains(file))
                {
                    continue;
                }

                if (file.StartsWith(_root, StringComparison.Ordinal))
                {
                    queue.Enqueue(file);
                }
                else
                {
                    // A page outside the root is opened to see that it loads, not crawled further.
                    _ids[file] = (await OpenAsync(file))?.Ids;
                }
            }
        }

        return _links.Select(l => Check(l.From, l.Href)).OfType<string>().Distinct().ToList();
    }

    private string? Check(string from, string href)
    {
        var file = Document(href);
        if (!_ids.TryGetValue(file, out var ids) || ids is null)
        {
            return $"{from} → {href}: the page does not load";
        }

        var hash = href.IndexOf('#');
        var fragment = hash < 0 ? "" : Uri.UnescapeDataString(href[(hash + 1)..]);
        return fragment.Length == 0 || ids.Contains(fragment) ? null : $"{from} → {href}: no element with id '{fragment}'";
    }

    private async Task<(HashSet<string> Ids, string[] Links)?> OpenAsync(string url)
    {
        try
        {
            await page.GotoAsync(url);
        }
        catch (PlaywrightException)
        {
            return null;
        }

        var ids = await page.EvaluateAsync<string[]>("() => Array.from(document.querySelectorAll('[id]'), e => e.id)");
        var links = await page.EvaluateAsync<string[]>("() => Array.from(document.querySelectorAll('a[href]'), a => a.href)");
        return (ids.ToHashSet(StringComparer.Ordinal), links);
    }

    private static string Document(string href) => href.Split('#')[0];
}
