using KnowledgeEngine.Rules;

namespace KnowledgeEngine.Runbooks;

/// <summary>The articles under a knowledge/ root, by path relative to it (e.g. cloudpods/host-mac-changed.md),
/// with the problems found reading them (every article's, like the rules').</summary>
public sealed class ArticleLibrary
{
    private readonly Dictionary<string, KnowledgeArticle> _byPath;

    private ArticleLibrary(Dictionary<string, KnowledgeArticle> byPath, IReadOnlyList<Diagnostic> diagnostics)
    {
        _byPath = byPath;
        Diagnostics = diagnostics;
    }

    public static ArticleLibrary Empty { get; } = new(new Dictionary<string, KnowledgeArticle>(StringComparer.Ordinal), []);

    public IReadOnlyCollection<KnowledgeArticle> Articles => _byPath.Values;

    /// <summary>What could not be read, with code, file, line and fix; an article with an error is kept without its metadata.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    public bool HasErrors => Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error);

    /// <summary>The *.md files under the folder (knowledge/), README.md excepted.</summary>
    public static ArticleLibrary Load(string root) =>
        FromText(Directory.EnumerateFiles(root, "*.md", SearchOption.AllDirectories)
            .Select(file => (Path.GetRelativePath(root, file).Replace('\\', '/'), File.ReadAllText(file))));

    /// <summary>Articles given as text, each with its path relative to knowledge/ (README.md, the index page, is skipped).</summary>
    public static ArticleLibrary FromText(IEnumerable<(string Path, string Text)> articles)
    {
        var byPath = new Dictionary<string, KnowledgeArticle>(StringComparer.Ordinal);
        var problems = new DiagnosticBag();
        foreach (var (path, text) in articles.OrderBy(a => a.Path, StringComparer.Ordinal))
        {
            var relative = path.Replace('\\', '/');
            if (!relative.Equals("README.md", StringComparison.OrdinalIgnoreCase))
            {
                byPath[relative] = ArticleReader.Read(relative, text, problems);
            }
        }

        return new ArticleLibrary(byPath, problems.Items);
    }

    public KnowledgeArticle? Find(string relativePath) => _byPath.GetValueOrDefault(relativePath.Replace('\\', '/'));

    /// <summary>The rule's article: the one its <c>knowledge:</c> key names, else the one whose
    /// front matter lists the rule.</summary>
    public KnowledgeArticle? For(Rules.LoadedRule rule) =>
        (rule.Knowledge is { } path ? Find(path) : null) ?? ForRule(rule.Id);

    /// <summary>The article whose front matter lists the rule id.</summary>
    public KnowledgeArticle? ForRule(string ruleId) => _byPath.Values.FirstOrDefault(a => a.Rules.Contains(ruleId));
}
