namespace KnowledgeEngine.Rules.Expressions;

/// <summary>
/// Recursive descent over the token list, one method per precedence level. The first syntax
/// error ends the parse (what follows it cannot be trusted); function-call mistakes (KB102)
/// are reported and parsing goes on, so one pass shows them all.
/// </summary>
internal sealed partial class Parser(SourceText source, List<Token> tokens, DiagnosticBag bag)
{
    private int _index;

    public ExprNode? ParseExpression()
    {
        if (Current.Kind == TokenKind.End)
        {
            throw Fail(Current, "the expression is empty", "write a condition, e.g. status == 'ok'");
        }

        var node = ParseOr();
        if (Current.Kind != TokenKind.End)
        {
            var fix = Current.Kind == TokenKind.RightParen
                ? "remove it, or add the '(' it closes"
                : "join conditions with 'and' or 'or'";
            throw Fail(Current, $"unexpected {Current.Describe()} after the expression", fix);
        }

        return node;
    }

    private Token Current => tokens[_index];

    private Token Following => tokens[Math.Min(_index + 1, tokens.Count - 1)];

    private ExprNode ParseOr(Token? after = null)
    {
        var left = ParseAnd(after);
        while (Current.IsWord("or"))
        {
            var op = Advance();
            left = Binary(BinaryOperator.Or, left, ParseAnd(op));
        }

        return left;
    }

    private ExprNode ParseAnd(Token? after = null)
    {
        var left = ParseComparison(after);
        while (Current.IsWord("and"))
        {
            var op = Advance();
            left = Binary(BinaryOperator.And, left, ParseComparison(op));
        }

        return left;
    }

    private ExprNode ParseComparison(Token? after)
    {
        var left = ParseAdditive(after);
        if (OperatorTable.ComparisonAt(Current, Following) is not { } op)
        {
            return left;
        }

        var opToken = Advance();
        if (op == BinaryOperator.NotIn)
        {
            Advance();
        }

        var node = Binary(op, left, ParseAdditive(opToken));
        if (OperatorTable.ComparisonAt(Current, Following) is not null)
        {
            throw Fail(Current, $"comparisons cannot be chained: found {Current.Describe()} after a comparison", "join them with 'and', e.g. a < b and b < c");
        }

        return node;
    }

    private ExprNode ParseAdditive(Token? after)
    {
        var left = ParseUnary(after);
        while (Current.Kind is TokenKind.Plus or TokenKind.Minus)
        {
            var op = Advance();
            var kind = op.Kind == TokenKind.Plus ? BinaryOperator.Add : BinaryOperator.Subtract;
            left = Binary(kind, left, ParseUnary(op));
        }

        return left;
    }

    private ExprNode ParseUnary(Token? after)
    {
        if (Current.IsWord("not") && !Following.IsWord("in"))
        {
            var op = Advance();
            var operand = ParseUnary(op);
            return new UnaryNode(UnaryOperator.Not, operand, SpanFrom(op.Start, operand));
        }

        if (Current.Kind == TokenKind.Minus)
        {
            var op = Advance();
            if (Current.Kind is TokenKind.Number or TokenKind.Duration)
            {
                return NegativeLiteral(op, Advance());
            }

            var operand = ParseUnary(op);
            return new UnaryNode(UnaryOperator.Negate, operand, SpanFrom(op.Start, operand));
        }

        return ParsePrimary(after);
    }

    private LiteralNode NegativeLiteral(Token minus, Token literal)
    {
        var span = source.Span(minus.Start, literal.End);
        return literal.Value is TimeSpan duration
            ? new LiteralNode(duration.Negate(), ExprType.Duration, span)
            : new LiteralNode(-(double)literal.Value!, ExprType.Number, span);
    }

    private BinaryNode Binary(BinaryOperator op, ExprNode left, ExprNode right) =>
        new(op, left, right, source.Span(Start(left), End(right)));

    private SourceSpan SpanFrom(int start, ExprNode last) => source.Span(start, End(last));

    private int Start(ExprNode node) => source.Offset(node.Span.Line, node.Span.Column);

    private int End(ExprNode node) => source.Offset(node.Span.EndLine, node.Span.EndColumn);

    private Token Advance()
    {
        var token = Current;
        if (token.Kind != TokenKind.End)
        {
            _index++;
        }

        return token;
    }

    private Token Expect(TokenKind kind, string message, string fix)
    {
        if (Current.Kind != kind)
        {
            throw Fail(Current, $"{message}, found {Current.Describe()}", fix);
        }

        return Advance();
    }

    private SyntaxError Fail(Token at, string message, string? fix)
    {
        bag.Error(ErrorCodes.Syntax, source.FileSpan(at.Start, at.End), message, fix);
        return new SyntaxError();
    }

    private void FunctionError(int start, int end, string message, string fix) =>
        bag.Error(ErrorCodes.Function, source.FileSpan(start, end), message, fix);

    /// <summary>Unwinds the descent after the first syntax error has been reported.</summary>
    internal sealed class SyntaxError : Exception;
}
