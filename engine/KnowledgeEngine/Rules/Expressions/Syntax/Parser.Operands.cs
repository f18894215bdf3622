namespace KnowledgeEngine.Rules.Expressions;

internal sealed partial class Parser
{
    private ExprNode ParsePrimary(Token? after)
    {
        var token = Current;
        switch (token.Kind)
        {
            case TokenKind.Number:
                Advance();
                return new LiteralNode(token.Value, ExprType.Number, source.Span(token.Start, token.End));
            case TokenKind.Duration:
                Advance();
                return new LiteralNode(token.Value, ExprType.Duration, source.Span(token.Start, token.End));
            case TokenKind.String:
                Advance();
                return new LiteralNode(token.Value, ExprType.String, source.Span(token.Start, token.End));
            case TokenKind.LeftParen:
                return ParseParenthesized();
            case TokenKind.LeftBracket:
                return ParseList();
            case TokenKind.Identifier when Word(token) is { } word:
                return word;
            case TokenKind.Identifier when !Keywords.Reserved.Contains(token.Text):
                return Following.Kind == TokenKind.LeftParen ? ParseCall() : ParsePath();
            default:
                var where = after is { } previous ? $" after {previous.Describe()}" : "";
                throw Fail(token, $"expected an operand{where}, found {token.Describe()}", "add a value or a field, e.g. status or 'ok'");
        }
    }

    private LiteralNode? Word(Token token)
    {
        (object? value, ExprType type)? literal = token.Text switch
        {
            "true" => (true, ExprType.Bool),
            "false" => (false, ExprType.Bool),
            "null" => (null, ExprType.Any),
            _ => null,
        };
        if (literal is not { } found)
        {
            return null;
        }

        Advance();
        return new LiteralNode(found.value, found.type, source.Span(token.Start, token.End));
    }

    private ExprNode ParseParenthesized()
    {
        var open = Advance();
        var inner = ParseOr(open);
        var at = source.FileSpan(open.Start, open.End);
        Expect(TokenKind.RightParen, $"expected ')' to close the '(' at {at.Line}:{at.Column}", "add the missing ')'");
        return inner;
    }

    private ListNode ParseList()
    {
        var open = Advance();
        var items = ParseItems(TokenKind.RightBracket, open, "list");
        var close = Advance();
        return new ListNode(items, source.Span(open.Start, close.End));
    }

    private CallNode ParseCall()
    {
        var name = Advance();
        var open = Advance();
        var arguments = ParseItems(TokenKind.RightParen, open, $"call of {name.Text}()");
        var close = Advance();
        var call = new CallNode(name.Text, arguments, source.Span(name.Start, close.End));
        CheckCall(call, name, close);
        return call;
    }

    /// <summary>Comma-separated expressions up to, not including, the closing token.</summary>
    private List<ExprNode> ParseItems(TokenKind close, Token open, string what)
    {
        var items = new List<ExprNode>();
        var closeText = close == TokenKind.RightBracket ? "]" : ")";
        var at = source.FileSpan(open.Start, open.End);
        while (Current.Kind != close)
        {
            items.Add(ParseOr(open));
            if (Current.Kind == TokenKind.Comma)
            {
                open = Advance();
                continue;
            }

            if (Current.Kind != close)
            {
                throw Fail(Current, $"expected ',' or '{closeText}' in the {what} opened at {at.Line}:{at.Column}, found {Current.Describe()}", $"separate items with ',' and end with '{closeText}'");
            }
        }

        return items;
    }

    private void CheckCall(CallNode call, Token name, Token close)
    {
        if (!Keywords.Functions.Contains(call.Name))
        {
            var suggestion = NameSuggestions.Closest(call.Name, Keywords.Functions);
            FunctionError(name.Start, name.End, $"unknown function '{call.Name}'", $"{suggestion}functions are {string.Join(", ", Keywords.Functions)}");
            return;
        }

        if (call.Arguments.Count != 1)
        {
            var found = call.Arguments.Count == 1 ? "1 argument" : $"{call.Arguments.Count} arguments";
            FunctionError(name.Start, close.End, $"{call.Name}() takes 1 argument, found {found}", $"call it as {call.Name}(x)");
            return;
        }

        if (call.Name == "exists" && call.Arguments[0] is not PathNode)
        {
            var argument = call.Arguments[0];
            FunctionError(Start(argument), End(argument), $"exists() takes a field path, found {ExpressionPrinter.Quoted(argument)}", "name a field, e.g. exists(host.mac)");
        }
    }

    private PathNode ParsePath()
    {
        var first = Advance();
        var segments = new List<PathSegment> { PathSegment.Field(first.Text, source.Span(first.Start, first.End)) };
        var end = first.End;
        while (Current.Kind is TokenKind.Dot or TokenKind.LeftBracket)
        {
            var open = Advance();
            var segment = open.Kind == TokenKind.Dot ? ParseFieldSegment() : ParseBracketSegment(open);
            segments.Add(segment);
            end = source.Offset(segment.Span.EndLine, segment.Span.EndColumn);
        }

        return new PathNode(segments, source.Span(first.Start, end));
    }

    private PathSegment ParseFieldSegment()
    {
        // Keywords are fine after a dot: "spec.in" cannot be read as anything else.
        var name = Expect(TokenKind.Identifier, "expected a field name after '.'", "write the field name, e.g. host.status, or a key in brackets, e.g. labels['app']");
        return PathSegment.Field(name.Text, source.Span(name.Start, name.End));
    }

    private PathSegment ParseBracketSegment(Token open)
    {
        if (Current.Kind == TokenKind.Identifier && Following.Kind == TokenKind.Equal)
        {
            return ParseSelectorSegment(open);
        }

        if (Current.IsWord("exists") && Following.Kind == TokenKind.LeftParen)
        {
            return ParseExistsSelectorSegment(open);
        }

        var inside = Advance();
        var valid = inside.Kind == TokenKind.String
            || (inside.Kind == TokenKind.Number && inside.Value is double d && d >= 0 && d <= int.MaxValue && d == Math.Floor(d) && !inside.Text.Contains('.'));
        if (!valid)
        {
            throw Fail(inside, $"expected an index, a quoted key or a selector inside '[ ]', found {inside.Describe()}", "write roles[0], labels['app'] or conditions[type == 'Ready']");
        }

        var close = Expect(TokenKind.RightBracket, "expected ']' after the index", "add the missing ']'");
        var span = source.Span(open.Start, close.End);
        return inside.Kind == TokenKind.String
            ? PathSegment.ForKey((string)inside.Value!, span)
            : PathSegment.At((int)(double)inside.Value!, span);
    }

    /// <summary><c>[exists(field)]</c>: the first list element that has the field (not null).</summary>
    private PathSegment ParseExistsSelectorSegment(Token open)
    {
        Advance();
        Advance();
        var field = Expect(TokenKind.Identifier, "expected a field name in exists( ) inside '[ ]'", "name the element's field, e.g. disks[exists(cdrom)]");
        Expect(TokenKind.RightParen, "expected ')' after the field name", "close it, e.g. disks[exists(cdrom)]");
        var close = Expect(TokenKind.RightBracket, "expected ']' after the element selector", "add the missing ']', e.g. disks[exists(cdrom)]");
        return PathSegment.Where(new ElementSelector(field.Text, null), source.Span(open.Start, close.End));
    }

    /// <summary><c>[field == literal]</c>: the first list element whose field has that value.</summary>
    private PathSegment ParseSelectorSegment(Token open)
    {
        var field = Advance();
        Advance();
        var value = Advance();
        object? literal = value.Kind switch
        {
            TokenKind.String or TokenKind.Number => value.Value,
            TokenKind.Identifier when value.Text is "true" or "false" => value.Text == "true",
            _ => null,
        };
        if (literal is null)
        {
            throw Fail(value, $"expected a string, number or true/false after '{field.Text} ==' inside '[ ]', found {value.Describe()}",
                "compare the element's field with a literal, e.g. conditions[type == 'Ready'].status");
        }

        var close = Expect(TokenKind.RightBracket, "expected ']' after the element selector", "add the missing ']', e.g. conditions[type == 'Ready']");
        return PathSegment.Where(new ElementSelector(field.Text, literal), source.Span(open.Start, close.End));
    }
}
