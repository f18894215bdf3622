namespace KnowledgeEngine.Rules.Expressions;

internal enum TokenKind
{
    Identifier,
    Number,
    Duration,
    String,
    LeftParen,
    RightParen,
    LeftBracket,
    RightBracket,
    Comma,
    Dot,
    Equal,
    NotEqual,
    Less,
    LessOrEqual,
    Greater,
    GreaterOrEqual,
    Plus,
    Minus,
    End,
}

/// <param name="Text">The token as written (quotes included for strings).</param>
/// <param name="Value">The decoded value: string, double or TimeSpan; null otherwise.</param>
/// <param name="Start">Offset of the first character in the expression text.</param>
internal readonly record struct Token(TokenKind Kind, string Text, object? Value, int Start, int End)
{
    public bool IsWord(string word) => Kind == TokenKind.Identifier && Text == word;

    /// <summary>How the token is named in messages.</summary>
    public string Describe() => Kind == TokenKind.End ? "end of expression" : Kind == TokenKind.String ? Text : $"'{Text}'";
}
