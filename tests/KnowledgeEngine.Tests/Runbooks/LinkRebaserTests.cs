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
        var rebased = LinkRebaser.Rebase(markdown, Article, new SiteLinks(page), p => p == "knowledge/cloudpods/host-offline.md");

        Assert.Equal(expected, rebased);
    }

    [Fact]
    public void Rebase_LinkToAPageOutsideTheSite_KeepsOnlyItsText()
    {
        var rebased = LinkRebaser.Rebase("See [the *index*](../README.md) first.", Article, SiteLinks.Root, _ => false);

        Assert.Equal("See the *index* first.", rebased);
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
