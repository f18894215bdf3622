namespace KnowledgeEngine.Rules.Expressions;

/// <summary>The diagnostic codes of the expression language, documented in docs/expressions.md.</summary>
internal static class ErrorCodes
{
    public const string Syntax = "KB101";
    public const string Function = "KB102";
    public const string UnknownName = "KB103";
    public const string Type = "KB104";
    public const string Regex = "KB105";
}
