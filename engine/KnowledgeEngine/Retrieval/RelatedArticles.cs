using KnowledgeEngine.Facts;

namespace KnowledgeEngine.Retrieval;

/// <summary>An article that reads like the bundle: offered when no rule found a cause, never counted as one.</summary>
public sealed record RelatedArticle(string Path, string Title, double Score);

/// <summary>The short "related articles (not diagnosed)" list: the best few articles by BM25 against the
/// bundle's text, those scoring at least <see cref="MinScore"/>, among the articles of the bundle's platform
/// when it is known (an operator of one platform has no use for another's articles).</summary>
public static class RelatedArticles
{
    public const int Top = 3;

    /// <summary>Below this a match is a few shared common words (host, failed, node), not a likeness;
    /// docs/accuracy.md shows how the baseline fares with it.</summary>
    public const double MinScore = 3.0;

    public static IReadOnlyList<RelatedArticle> Find(Bm25Index index, Bundle bundle) => Find(index, BundleText.Read(bundle), bundle.Metadata.Platform);

    public static IReadOnlyList<RelatedArticle> Find(Bm25Index index, string query, string? platform = null) =>
        index.Search(query, Top, platform).Where(h => h.Score >= MinScore).Select(h => new RelatedArticle(h.Document.Id, h.Document.Title, Math.Round(h.Score, 2))).ToList();
}
