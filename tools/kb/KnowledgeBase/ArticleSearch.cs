using KnowledgeEngine.Diagnosis;
using KnowledgeEngine.Facts;
using KnowledgeEngine.Retrieval;
using KnowledgeEngine.Runbooks;

namespace KnowledgeEngine.Cli.KnowledgeBase;

/// <summary>The loaded articles as a BM25 index (title and sections; the front matter's links and ids
/// are not text an operator's bundle would share) and the rules each article documents.</summary>
internal sealed record ArticleSearch(Bm25Index Index, IReadOnlyDictionary<string, IReadOnlyList<string>> RulesByArticle)
{
    public static ArticleSearch Build(ArticleLibrary articles)
    {
        var ordered = articles.Articles.OrderBy(a => a.RelativePath, StringComparer.Ordinal).ToList();
        var index = new Bm25Index(ordered.Select(a =>
            new RetrievalDocument(a.RelativePath, a.Title, string.Join("\n", a.Sections.Select(s => s.Heading + "\n" + s.Markdown)), a.Platform)));
        return new ArticleSearch(index, ordered.ToDictionary(a => a.RelativePath, a => a.Rules, StringComparer.Ordinal));
    }

    /// <summary>The diagnosis with its related articles when it found no cause (the articles are indexed and
    /// the bundle is read again, whole, only then); unchanged when it found one.</summary>
    public static DiagnosisResult AddRelated(DiagnosisResult result, Bundle bundle, ArticleLibrary articles) =>
        result.Causes.Count > 0 ? result : result with { Related = RelatedArticles.Find(Build(articles).Index, bundle) };
}
