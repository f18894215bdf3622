using KnowledgeEngine.Retrieval;

namespace KnowledgeEngine.Tests.Evaluation;

/// <summary>The retrieval baseline: plain BM25 over the articles' text.</summary>
public sealed class Bm25IndexTests
{
    private static readonly Bm25Index Index = new([
        new RetrievalDocument("a.md", "Keystore reset", "The SSVM keystore was reset, so template downloads fail with PKIX path building failed.", "cloudstack"),
        new RetrievalDocument("b.md", "NFS not remounted", "After maintenance the NFS primary storage is not mounted again on the host.", "cloudstack"),
        new RetrievalDocument("c.md", "etcd learner", "The etcd member stays a learner and the upgrade hangs on the host.", "talos"),
    ]);

    [Fact]
    public void Search_RanksTheDocumentSharingTheRareTermsFirst()
    {
        var hits = Index.Search("sun.security.validator.ValidatorException: PKIX path building failed", 3);

        Assert.Equal("a.md", hits[0].Document.Id);
    }

    [Fact]
    public void Search_TermInEveryDocumentWeighsLessThanATermInOne()
    {
        var common = Index.Search("host", 3).Max(h => h.Score);
        var rare = Index.Search("keystore", 3).Max(h => h.Score);

        Assert.True(rare > common, $"rare {rare}, common {common}");
    }

    [Fact]
    public void Search_NoSharedTerm_FindsNothing()
    {
        Assert.Empty(Index.Search("zzzz qqqq", 3));
    }

    [Fact]
    public void Search_NumbersAndHexIdsAreNotTerms()
    {
        Assert.Empty(Index.Search("2024 10:00:01 aa5c6997 1d49 0x505", 3));
    }

    [Fact]
    public void Search_ARepeatedQueryTermCountsOnce()
    {
        var once = Index.Search("keystore", 1)[0].Score;
        var many = Index.Search(string.Join(" ", Enumerable.Repeat("keystore", 1000)), 1)[0].Score;

        Assert.Equal(once, many);
    }

    [Fact]
    public void Search_WithAPlatform_KeepsToItsDocuments()
    {
        var hits = Index.Search("the upgrade hangs, the keystore was reset", 3, "talos");

        Assert.Equal(["c.md"], hits.Select(h => h.Document.Id));
    }

    [Fact]
    public void Search_WithAPlatformNoDocumentIsAbout_SearchesThemAll()
    {
        var hits = Index.Search("keystore", 3, "kubernetes");

        Assert.Equal("a.md", Assert.Single(hits).Document.Id);
    }
}
