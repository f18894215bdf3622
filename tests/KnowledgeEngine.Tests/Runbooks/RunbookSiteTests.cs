using System.Text.RegularExpressions;
using KnowledgeEngine.Tests.Reports;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace KnowledgeEngine.Tests.Runbooks;

/// <summary>`kb runbook --all -o DIR` over the built-in knowledge base, read back from disk: the
/// Markdown parsed with Markdig, every relative link followed.</summary>
[Collection("Console")]
public sealed class RunbookSiteTests : IDisposable
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UseYamlFrontMatter().UsePipeTables().Build();
    private static readonly string[] RuleSections = ["Summary", "Background", "Evidence", "Root cause", "Fix", "Verification", "Prevention", "Links"];
    private readonly string _site = Directory.CreateTempSubdirectory("kb-site-").FullName;

    public RunbookSiteTests()
    {
        var (code, _, stderr) = KbRun.Run("runbook", "--all", "-o", _site);
        Assert.True(code == 0, stderr);
    }

    public void Dispose() => Directory.Delete(_site, recursive: true);

    private IEnumerable<string> Files(string pattern) => Directory.EnumerateFiles(_site, pattern, SearchOption.AllDirectories).Order(StringComparer.Ordinal);

    [Fact]
    public void All_WritesMarkdownAndHtmlPerRuleAndAnIndex()
    {
        Assert.True(File.Exists(Path.Combine(_site, "index.md")));
        Assert.True(File.Exists(Path.Combine(_site, "index.html")));
        Assert.True(File.Exists(Path.Combine(_site, "cloudpods", "host-mac-changed.md")));
        Assert.True(File.Exists(Path.Combine(_site, "cloudpods", "host-mac-changed.html")));
        Assert.Contains("(cloudpods/host-mac-changed.md)", File.ReadAllText(Path.Combine(_site, "index.md")));
    }

    [Fact]
    public void All_EveryRelativeMarkdownLinkResolves()
    {
        var dead = new List<string>();
        foreach (var file in Files("*.md"))
        {
            var document = Markdown.Parse(File.ReadAllText(file), Pipeline);
            foreach (var url in document.Descendants<LinkInline>().Select(l => l.Url).OfType<string>().Where(IsRelative))
            {
                if (!File.Exists(Target(file, url)))
                {
                    dead.Add($"{Path.GetRelativePath(_site, file)} → {url}");
                }
            }
        }

        Assert.Empty(dead);
    }

    [Fact]
    public void All_EveryRelativeHtmlLinkResolvesAndNothingIsFetched()
    {
        var problems = new List<string>();
        foreach (var file in Files("*.html"))
        {
            var html = File.ReadAllText(file);
            foreach (var url in Regex.Matches(html, "href=\"([^\"]*)\"").Select(m => System.Net.WebUtility.HtmlDecode(m.Groups[1].Value)).Where(IsRelative))
            {
                if (!File.Exists(Target(file, url)))
                {
                    problems.Add($"{Path.GetRelativePath(_site, file)} → {url}");
                }
            }

            if (Regex.IsMatch(html, @"<script|<link|<img|<iframe|@import|url\(", RegexOptions.IgnoreCase))
            {
                problems.Add($"{Path.GetRelativePath(_site, file)} loads an external resource");
            }
        }

        Assert.Empty(problems);
    }

    [Fact]
    public void All_EveryHtmlLinkLoadsIncludingItsAnchor()
    {
        var dead = Files("*.html").SelectMany(f => HtmlLinks.Dead(f).Select(d => $"{Path.GetRelativePath(_site, f)}: {d}")).ToList();

        Assert.Empty(dead);
    }

    [Fact]
    public void All_EveryRuleAndArticlePage_LinksBackToTheIndex()
    {
        var index = Path.Combine(_site, "index.html");
        var pages = Files("*.html").Where(f => f != index).ToList();

        var without = pages.Where(f => !HtmlLinks.Hrefs(File.ReadAllText(f))
            .Any(h => Path.GetFullPath(Path.Combine(Path.GetDirectoryName(f)!, h)) == index)).Select(f => Path.GetRelativePath(_site, f)).ToList();

        Assert.Empty(without);
        Assert.Contains(pages, f => f.Contains($"{Path.DirectorySeparatorChar}knowledge{Path.DirectorySeparatorChar}"));
    }

    [Fact]
    public void All_RulePagesAndTheIndex_StartWithContents()
    {
        var index = File.ReadAllText(Path.Combine(_site, "index.html"));
        var rule = File.ReadAllText(Path.Combine(_site, "cloudpods", "host-mac-changed.html"));

        Assert.Contains("<p>Contents: <a href=\"#cloudpods\">cloudpods</a>", index);
        Assert.Contains("<p>Contents: <a href=\"#summary\">Summary</a>", rule);
        Assert.True(rule.IndexOf("Contents:", StringComparison.Ordinal) < rule.IndexOf("<h2", StringComparison.Ordinal));
    }

    [Fact]
    public void All_RunbooksHaveNoUnrenderedTemplateAndTheirSectionsInOrder()
    {
        foreach (var file in Files("*.md").Where(f => !f.Contains($"{Path.DirectorySeparatorChar}knowledge{Path.DirectorySeparatorChar}") && !f.EndsWith("index.md")))
        {
            var text = File.ReadAllText(file);
            var headings = Markdown.Parse(text, Pipeline).Descendants<HeadingBlock>().ToList();

            Assert.DoesNotContain("{{", text);
            Assert.DoesNotContain("}}", text);
            Assert.Equal(1, headings[0].Level);
            Assert.All(headings.Zip(headings.Skip(1)), pair => Assert.True(pair.Second.Level <= pair.First.Level + 1,
                $"{file}: heading level jumps from {pair.First.Level} to {pair.Second.Level} at line {pair.Second.Line + 1}"));
            Assert.Equal(RuleSections, headings.Where(h => h.Level == 2).Select(Text));
        }
    }

    private static bool IsRelative(string url) => url.Length > 0 && url[0] != '#' && !url.Contains(':');

    private static string Target(string page, string url) =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(page)!, url.Split('#')[0]));

    private static string Text(HeadingBlock heading) =>
        string.Concat(heading.Inline!.Descendants<LiteralInline>().Select(l => l.Content.ToString()));
}
