namespace KnowledgeEngine.Rules.Expressions;

/// <summary>
/// A node of a parsed <c>where:</c> expression. Spans are relative to the expression text
/// (line 1, column 1 is its first character); <see cref="ExpressionCompiler"/> maps them into
/// the rule file with the origin the text came from.
/// </summary>
internal abstract record ExprNode(SourceSpan Span);

/// <summary>
/// A constant: string, double, bool, TimeSpan (a duration) or null. The type says which.
/// </summary>
internal sealed record LiteralNode(object? Value, ExprType Type, SourceSpan Span) : ExprNode(Span);

/// <summary>A list written in brackets, e.g. <c>['a', 'b']</c>.</summary>
internal sealed record ListNode(IReadOnlyList<ExprNode> Items, SourceSpan Span) : ExprNode(Span);

/// <summary>A field path such as <c>host.status</c> or <c>labels['node-role']</c>.</summary>
internal sealed record PathNode(IReadOnlyList<PathSegment> Segments, SourceSpan Span) : ExprNode(Span);

/// <summary>A call of a built-in function: len, lower, upper or exists.</summary>
internal sealed record CallNode(string Name, IReadOnlyList<ExprNode> Arguments, SourceSpan Span) : ExprNode(Span);

internal enum UnaryOperator
{
    Not,
    Negate,
}

internal sealed record UnaryNode(UnaryOperator Operator, ExprNode Operand, SourceSpan Span) : ExprNode(Span);

internal enum BinaryOperator
{
    Or,
    And,
    Equal,
    NotEqual,
    Less,
    LessOrEqual,
    Greater,
    GreaterOrEqual,
    In,
    NotIn,
    Contains,
    StartsWith,
    EndsWith,
    Matches,
    Add,
    Subtract,
}

internal sealed record BinaryNode(BinaryOperator Operator, ExprNode Left, ExprNode Right, SourceSpan Span) : ExprNode(Span);
