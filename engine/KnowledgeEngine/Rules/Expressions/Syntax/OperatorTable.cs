namespace KnowledgeEngine.Rules.Expressions;

/// <summary>Spelling and binding strength of the operators, shared by parser and printer.</summary>
internal static class OperatorTable
{
    public const int Or = 1;
    public const int And = 2;
    public const int Comparison = 3;
    public const int Additive = 4;
    public const int Unary = 5;
    public const int Primary = 6;

    public static string Text(BinaryOperator op) => op switch
    {
        BinaryOperator.Or => "or",
        BinaryOperator.And => "and",
        BinaryOperator.Equal => "==",
        BinaryOperator.NotEqual => "!=",
        BinaryOperator.Less => "<",
        BinaryOperator.LessOrEqual => "<=",
        BinaryOperator.Greater => ">",
        BinaryOperator.GreaterOrEqual => ">=",
        BinaryOperator.In => "in",
        BinaryOperator.NotIn => "not in",
        BinaryOperator.Contains => "contains",
        BinaryOperator.StartsWith => "startsWith",
        BinaryOperator.EndsWith => "endsWith",
        BinaryOperator.Matches => "matches",
        BinaryOperator.Add => "+",
        BinaryOperator.Subtract => "-",
        _ => throw new ArgumentOutOfRangeException(nameof(op), op, null),
    };

    public static int Precedence(BinaryOperator op) => op switch
    {
        BinaryOperator.Or => Or,
        BinaryOperator.And => And,
        BinaryOperator.Add or BinaryOperator.Subtract => Additive,
        _ => Comparison,
    };

    /// <summary>The comparison operator a token starts, if any (<c>not in</c> needs the next token too).</summary>
    public static BinaryOperator? ComparisonAt(Token token, Token next) => token.Kind switch
    {
        TokenKind.Equal => BinaryOperator.Equal,
        TokenKind.NotEqual => BinaryOperator.NotEqual,
        TokenKind.Less => BinaryOperator.Less,
        TokenKind.LessOrEqual => BinaryOperator.LessOrEqual,
        TokenKind.Greater => BinaryOperator.Greater,
        TokenKind.GreaterOrEqual => BinaryOperator.GreaterOrEqual,
        TokenKind.Identifier => token.Text switch
        {
            "in" => BinaryOperator.In,
            "not" when next.IsWord("in") => BinaryOperator.NotIn,
            "contains" => BinaryOperator.Contains,
            "startsWith" => BinaryOperator.StartsWith,
            "endsWith" => BinaryOperator.EndsWith,
            "matches" => BinaryOperator.Matches,
            _ => null,
        },
        _ => null,
    };
}
