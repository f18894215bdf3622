using KnowledgeEngine.Rules;
using KnowledgeEngine.Runbooks;

namespace KnowledgeEngine.Tests.Runbooks;

public class ArticleReaderTests
{
    private const string Article = """
        ---
        title: Host offline
        platform: cloudpods
        component: host-service
        rules: [cloudpods/host-offline, cloudpods/host-pod-not-running]
        source: "A write-up"
        tags: [host]
        ---

        ## Symptoms

        The host shows `offline`.

        ## Verification

        Run `climc host-show <host-id>` and see [the index](../README.md).

        ```sh
        climc host-list
        ```
        """;

    [Fact]
    public void Front_matter_gives_title_platform_and_linked_rules()
    {
        var article = ArticleReader.Read("cloudpods/host-offline.md", Article, new DiagnosticBag());

        Assert.Equal("Host offline", article.Title);
        Assert.Equal("cloudpods", article.Platform);
        Assert.Equal(["cloudpods/host-offline", "cloudpods/host-pod-not-running"], article.Rules);
    }

    [Fact]
    public void A_section_keeps_the_markdown_under_its_heading_unchanged()
    {
        var article = ArticleReader.Read("cloudpods/host-offline.md", Article, new DiagnosticBag());

        var verification = article.Section("verification");

        Assert.NotNull(verification);
        Assert.StartsWith("Run `climc host-show <host-id>` and see [the index](../README.md).", verification);
        Assert.Contains("```sh\nclimc host-list\n```", verification);
        Assert.DoesNotContain("Symptoms", verification);
    }

    [Fact]
    public void Broken_front_matter_is_a_diagnostic_with_code_file_and_line()
    {
        var problems = new DiagnosticBag();

        var article = ArticleReader.Read("x/broken.md", "---\ntitle: [unclosed\n---\n# T\n", problems);

        var error = Assert.Single(problems.Items);
        Assert.Equal("KB070", error.Code);
        Assert.Equal(("x/broken.md", 3), (error.Span.File, error.Span.Line));
        Assert.Contains("front matter is not valid YAML", error.Message);
        Assert.Equal("T", article.Title);
    }

    [Fact]
    public void Every_broken_article_of_a_library_is_reported_at_once()
    {
        var library = ArticleLibrary.FromText([
            ("a/one.md", "---\ntitle: [unclosed\n---\n# One\n"),
            ("a/fine.md", "---\ntitle: Fine\n---\n# Fine\n"),
            ("b/two.md", "---\nrules: [x\n---\n# Two\n"),
        ]);

        Assert.True(library.HasErrors);
        Assert.Equal(["a/one.md", "b/two.md"], library.Diagnostics.Select(d => d.Span.File));
        Assert.Equal("Fine", library.Find("a/fine.md")!.Title);
    }

    [Fact]
    public void Every_shipped_article_has_the_six_sections_in_order()
    {
        var library = ArticleLibrary.Load(RepositoryPaths.Knowledge);
        string[] required = ["Symptoms", "Cause", "Diagnosis steps", "Fix", "Verification", "Prevention"];

        Assert.NotEmpty(library.Articles);
        foreach (var article in library.Articles)
        {
            var headings = article.Sections.Select(s => s.Heading).Where(required.Contains).ToArray();
            Assert.True(required.SequenceEqual(headings), $"{article.RelativePath}: sections are {string.Join(", ", headings)}");
            Assert.NotEmpty(article.Rules);
            Assert.NotNull(article.Source);
        }
    }
}
