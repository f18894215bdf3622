namespace KnowledgeEngine.Runbooks;

/// <summary>The articles under a knowledge/ root, by path relative to it (e.g. cloudpods/host-mac-changed.md).</summary>
public sealed class ArticleLibrary
{
    private readonly Dictionary<string, KnowledgeArticle> _byPath;

    private ArticleLibrary(Dictionary<string, KnowledgeArticle> byPath) => _byPath = byPath;

    public static ArticleLibrary Empty { get; } = new(new Dictionary<string, KnowledgeArticle>(StringComparer.Ordinal));

    public IReadOnlyCollection<KnowledgeArticle> Articles => _byPath.Values;

    public static ArticleLibrary Load(string root)
    {
        var byPath = new Dictionary<string, KnowledgeArticle>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(root, "*.md", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var relative = Path.GetRelativePath(root, file).Replace('\\', '/');
            if (relative.Equals("README.md", StringComparison.OrdinalIgnoreCase))
            {
                continue; // the index page, not an article
            }

            byPath[relative] = ArticleReader.Read(relative, File.ReadAllText(file));
        }

        return new ArticleLibrary(byPath);
    }

    public KnowledgeArticle? Find(string relativePath) => _byPath.GetValueOrDefault(relativePath.Replace('\\', '/'));

    /// <summary>The rule's article: the one its <c>knowledge:</c> key names, else the one whose
    /// front matter lists the rule.</summary>
    public KnowledgeArticle? For(Rules.LoadedRule rule) =>
        (rule.Knowledge is { } path ? Find(path) : null) ?? ForRule(rule.Id);

    /// <summary>The article whose front matter lists the rule id.</summary>
    public KnowledgeArticle? ForRule(string ruleId) => _byPath.Values.FirstOrDefault(a => a.Rules.Contains(ruleId));
}
