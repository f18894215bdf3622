using KnowledgeEngine.Rules.Expressions;

namespace KnowledgeEngine.Rules.Validation;

/// <summary>The knowledge articles a rule may link to, for suggestions.</summary>
internal static class Articles
{
    public static string Suggest(KnowledgeCatalog catalog, string written)
    {
        var known = catalog.Articles().Where(f => f.Contains('/')).ToList();
        var close = NameSuggestions.Closest(written, known);
        return close.Length > 0
            ? close.TrimEnd()
            : "write the article's path relative to knowledge/, e.g. knowledge: cloudpods/host-mac-changed.md";
    }
}
