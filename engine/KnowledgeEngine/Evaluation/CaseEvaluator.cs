using KnowledgeEngine.Diagnosis;
using KnowledgeEngine.Facts.Cases;
using KnowledgeEngine.Retrieval;
using KnowledgeEngine.Rules;

namespace KnowledgeEngine.Evaluation;

/// <summary>
/// Runs a case the way an operator's bundle is run: its files become a bundle, kb diagnose's ranking
/// names the causes; and, apart from the rules, BM25 over the articles ranks what reads like the case
/// (the baseline, claiming exactly what kb diagnose would offer as related articles).
/// </summary>
/// <param name="articleRules">The rules each article documents, by article path.</param>
public sealed class CaseEvaluator(RuleSet rules, Bm25Index articles, IReadOnlyDictionary<string, IReadOnlyList<string>> articleRules)
{
    public const int Top = 3;

    /// <exception cref="Facts.BundleException">The case's files cannot be read as a bundle.</exception>
    public CaseResult Run(RealCase realCase)
    {
        using var opened = CaseBundle.Open(realCase);
        var diagnosis = Diagnoser.Diagnose(rules, opened.Bundle);
        var causes = diagnosis.Causes.Take(Top).Select(c => new RankedCause(c.RuleId, c.Status, c.Confidence)).ToList();
        var related = RelatedArticles.Find(articles, opened.Bundle)
            .Select(a => new RankedArticle(a.Path, a.Score, articleRules.GetValueOrDefault(a.Path) ?? [])).ToList();
        return new CaseResult(realCase, causes, related);
    }
}
