using KnowledgeEngine.Rules;

namespace KnowledgeEngine.Runbooks;

/// <summary>The articles under a knowledge/ root, by path relative to it (e.g. cloudpods/host-mac-changed.md),
/// with the problems found reading them (every article's, like the rules').</summary>
public sealed class ArticleLibrary
{
    // Each article is read on first use: kb diagnose needs the few its causes link to, and reading all
    // 125 built-in articles took 100-150 ms of its 1 s on the README example.
    private readonly Dictionary<string, Lazy<(KnowledgeArticle Article, DiagnosticBag Problems)>> _byPath;
    private readonly Lazy<IReadOnlyList<Diagnostic>> _diagnostics;

    private ArticleLibrary(Dictionary<string, Lazy<(KnowledgeArticle Article, DiagnosticBag Problems)>> byPath)
    {
        _byPath = byPath;
        _diagnostics = new(() =>
        {
            var all = new DiagnosticBag();
            foreach (var article in _byPath.Values)
            {
                all.AddRange(article.Value.Problems);
            }

            return all.Items;
        });
    }

    public static ArticleLibrary Empty { get; } = new(new Dictionary<string, Lazy<(KnowledgeArticle, DiagnosticBag)>>(StringComparer.Ordinal));

    /// <summary>Every article, in path order (reads those not read yet).</summary>
    public IReadOnlyCollection<KnowledgeArticle> Articles => _byPath.Values.Select(a => a.Value.Article).ToList();

    /// <summary>What could not be read, with code, file, line and fix; an article with an error is kept without its
    /// metadata. Reads every article not read yet.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics => _diagnostics.Value;

    public bool HasErrors => Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error);

    /// <summary>The *.md files under the folder (knowledge/), README.md excepted.</summary>
    public static ArticleLibrary Load(string root) =>
        FromText(Directory.EnumerateFiles(root, "*.md", SearchOption.AllDirectories)
            .Select(file => (Path.GetRelativePath(root, file).Replace('\\', '/'), File.ReadAllText(file))));

    /// <summary>Articles given as text, each with its path relative to knowledge/ (README.md, the index page, is skipped).</summary>
    public static ArticleLibrary FromText(IEnumerable<(string Path, string Text)> articles)
    {
        var byPath = new Dictionary<string, Lazy<(KnowledgeArticle, DiagnosticBag)>>(StringComparer.Ordinal);
        foreach (var (path, text) in articles.OrderBy(a => a.Path, StringComparer.Ordinal))
        {
            var relative = path.Replace('\\', '/');
            if (!relative.Equals("README.md", StringComparison.OrdinalIgnoreCase))
            {
                byPath[relative] = new(() =>
                {
                    var problems = new DiagnosticBag();
                    return (ArticleReader.Read(relative, text, problems), problems);
                });
            }
        }

        return new ArticleLibrary(byPath);
    }

    public KnowledgeArticle? Find(string relativePath) =>
        _byPath.TryGetValue(relativePath.Replace('\\', '/'), out var article) ? article.Value.Article : null;

    /// <summary>The rule's article: the one its <c>knowledge:</c> key names, else the one whose
    /// front matter lists the rule.</summary>
    public KnowledgeArticle? For(Rules.LoadedRule rule) =>
        (rule.Knowledge is { } path ? Find(path) : null) ?? ForRule(rule.Id);

    /// <summary>The article whose front matter lists the rule id.</summary>
    public KnowledgeArticle? ForRule(string ruleId) =>
        _byPath.Values.Select(a => a.Value.Article).FirstOrDefault(a => a.Rules.Contains(ruleId));
}
