using KnowledgeEngine.Runbooks;

namespace KnowledgeEngine.Tests.Runbooks;

public sealed class LinkRebaserTests
{
    private const string Article = "knowledge/cloudpods/host-mac-changed.md";

    [Theory]
    [InlineData("cloudpods/host-mac-changed.md", "[a](host-offline.md#fix)", "[a](../knowledge/cloudpods/host-offline.md#fix)")]
    [InlineData("runbook.md", "[a](host-offline.md)", "[a](knowledge/cloudpods/host-offline.md)")]
    [InlineData("knowledge/talos/x.md", "[a](../cloudpods/host-offline.md)", "[a](../cloudpods/host-offline.md)")]
    [InlineData("runbook.md", "[a](https://example.org/x.md) and [b](#fix)", "[a](https://example.org/x.md) and [b](#fix)")]
    public void Rebase_RelativeLinkToAKnownPage_PointsFromTheNewPage(string page, string markdown, string expected)
    {
        var rebased = LinkRebaser.Rebase(markdown, Article, PageLinks.InSite(new SiteLinks(page), p => p == "knowledge/cloudpods/host-offline.md"));

        Assert.Equal(expected, rebased);
    }

    [Fact]
    public void Rebase_LinkToAPageOutsideTheSite_KeepsOnlyItsText()
    {
        var rebased = LinkRebaser.Rebase("See [the *index*](../README.md) first.", Article, PageLinks.InSite(SiteLinks.Root, _ => false));

        Assert.Equal("See the *index* first.", rebased);
    }

    [Fact]
    public void Rebase_LinkToAnArticleThePageHolds_PointsToItsAnchorWithoutTheFragment()
    {
        var links = PageLinks.Embedded(new Dictionary<string, string> { ["knowledge/cloudpods/host-offline.md"] = "host-offline" });

        var rebased = LinkRebaser.Rebase("[a](host-offline.md#fix) and [b](other.md)", Article, links);

        Assert.Equal("[a](#host-offline) and b", rebased);
    }

    [Theory]
    [InlineData("https://kb.example.org/site", "[a](host-offline.md#fix)", "[a](https://kb.example.org/site/knowledge/cloudpods/host-offline.html#fix)")]
    [InlineData("../site", "[a](host-offline.md)", "[a](../site/knowledge/cloudpods/host-offline.html)")]
    [InlineData("", "[a](host-offline.md)", "[a](knowledge/cloudpods/host-offline.html)")]
    public void Rebase_ToASiteElsewhere_PointsToItsHtmlPage(string site, string markdown, string expected)
    {
        Assert.Equal(expected, LinkRebaser.Rebase(markdown, Article, PageLinks.ToSite(site)));
    }

    [Theory]
    [InlineData("a`b", "``a`b``")]
    [InlineData("`x`", "`` `x` ``")]
    [InlineData("climc host-show <host-id>", "`climc host-show <host-id>`")]
    public void Code_AnyText_StaysOneInlineCodeSpan(string text, string expected)
    {
        Assert.Equal(expected, MarkdownFunctions.Code(text));
    }

    [Fact]
    public void Escape_MarkdownPunctuation_RendersLiterally()
    {
        Assert.Equal(@"manager\_uri \<host-id\> \*x\*", MarkdownFunctions.Escape("manager_uri <host-id> *x*"));
    }
}
