namespace KnowledgeEngine.Rules.Expressions;

internal static class Keywords
{
    public static readonly IReadOnlySet<string> Reserved = new HashSet<string>(StringComparer.Ordinal)
    {
        "and", "or", "not", "in", "contains", "startsWith", "endsWith", "matches", "true", "false", "null",
    };

    /// <summary>The built-in functions; each takes exactly one argument.</summary>
    public static readonly IReadOnlyList<string> Functions = ["len", "lower", "upper", "exists"];

    public static bool IsIdentifier(string name) =>
        name.Length > 0
        && (char.IsAsciiLetter(name[0]) || name[0] == '_')
        && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');
}
