namespace KnowledgeEngine.Rules.Expressions;

/// <summary>What every part of the compiler shares: the names in scope and where errors go.</summary>
internal sealed class CompileContext(IExpressionScope scope, DiagnosticBag bag, SourceSpan? origin)
{
    public IExpressionScope Scope { get; } = scope;

    /// <summary>A span of the expression as a position in the rule file.</summary>
    public SourceSpan InFile(SourceSpan relative) => origin is { } o ? SpanMapping.ToFile(relative, o) : relative;

    public void Error(string code, SourceSpan relative, string message, string? fix) =>
        bag.Error(code, InFile(relative), message, fix);

    public void TypeError(ExprNode at, string message, string? fix) => Error(ErrorCodes.Type, at.Span, message, fix);

    /// <summary>How an operand is named in messages: its text and its type.</summary>
    public static string Describe(ExprNode node, ExprType type) => $"{ExpressionPrinter.Print(node)} ({type})";
}
