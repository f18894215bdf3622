using System.Globalization;
using System.Text;

namespace KnowledgeEngine.Rules.Expressions;

/// <summary>Splits an expression into tokens; the first malformed token stops it with a KB101.</summary>
internal sealed class Lexer(SourceText source, DiagnosticBag bag)
{
    private readonly string _text = source.Text;
    private int _pos;

    /// <summary>All tokens ending with <see cref="TokenKind.End"/>, or null after a reported error.</summary>
    public List<Token>? Tokenize()
    {
        var tokens = new List<Token>();
        while (true)
        {
            while (_pos < _text.Length && char.IsWhiteSpace(_text[_pos]))
            {
                _pos++;
            }

            if (_pos == _text.Length)
            {
                tokens.Add(new Token(TokenKind.End, "", null, _pos, _pos));
                return tokens;
            }

            var token = Next();
            if (token is null)
            {
                return null;
            }

            tokens.Add(token.Value);
        }
    }

    private Token? Next()
    {
        var c = _text[_pos];
        if (char.IsAsciiLetter(c) || c == '_')
        {
            return Identifier();
        }

        if (char.IsAsciiDigit(c))
        {
            return NumberOrDuration();
        }

        if (c is '\'' or '"')
        {
            return QuotedString(c);
        }

        return Symbol(c);
    }

    private Token Identifier()
    {
        var start = _pos;
        while (_pos < _text.Length && (char.IsAsciiLetterOrDigit(_text[_pos]) || _text[_pos] == '_'))
        {
            _pos++;
        }

        return Make(TokenKind.Identifier, start, null);
    }

    private Token? NumberOrDuration()
    {
        var start = _pos;
        SkipDigits();
        if (Peek(0) == '.' && char.IsAsciiDigit(Peek(1)))
        {
            _pos++;
            SkipDigits();
        }

        if (Peek(0) is 'e' or 'E' && (char.IsAsciiDigit(Peek(1)) || (Peek(1) is '+' or '-' && char.IsAsciiDigit(Peek(2)))))
        {
            _pos += 2;
            SkipDigits();
        }
        else if (char.IsAsciiLetter(Peek(0)))
        {
            return Duration(start);
        }

        var value = double.Parse(_text.AsSpan(start, _pos - start), NumberStyles.Float, CultureInfo.InvariantCulture);
        if (double.IsInfinity(value))
        {
            return Fail(start, _pos, $"number '{_text[start.._pos]}' is too large", "use a number below 1e308");
        }

        return Make(TokenKind.Number, start, value);
    }

    private Token? Duration(int start)
    {
        while (_pos < _text.Length && (char.IsAsciiLetterOrDigit(_text[_pos]) || _text[_pos] == '.'))
        {
            _pos++;
        }

        var text = _text[start.._pos];
        return DurationSyntax.TryParse(text, out var value, out var error, out var fix)
            ? Make(TokenKind.Duration, start, value)
            : Fail(start, _pos, error!, fix);
    }

    private Token? QuotedString(char quote)
    {
        var start = _pos++;
        var value = new StringBuilder();
        while (_pos < _text.Length && _text[_pos] != quote)
        {
            var c = _text[_pos++];
            if (c == '\\' && _pos < _text.Length && Unescape(_text[_pos]) is { } escaped)
            {
                value.Append(escaped);
                _pos++;
            }
            else
            {
                // Unknown escapes stay as written so regexes like '\d+' need no doubling.
                value.Append(c);
            }
        }

        if (_pos == _text.Length)
        {
            return Fail(start, _pos, "unterminated string", $"close it with {quote}");
        }

        _pos++;
        return Make(TokenKind.String, start, value.ToString());
    }

    private static char? Unescape(char c) => c switch
    {
        '\\' => '\\',
        '\'' => '\'',
        '"' => '"',
        'n' => '\n',
        'r' => '\r',
        't' => '\t',
        _ => null,
    };

    private Token? Symbol(char c)
    {
        var start = _pos;
        var two = _pos + 1 < _text.Length ? _text.Substring(_pos, 2) : "";
        (TokenKind? kind, int length) = two switch
        {
            "==" => (TokenKind.Equal, 2),
            "!=" => (TokenKind.NotEqual, 2),
            "<=" => (TokenKind.LessOrEqual, 2),
            ">=" => (TokenKind.GreaterOrEqual, 2),
            _ => c switch
            {
                '(' => (TokenKind.LeftParen, 1),
                ')' => (TokenKind.RightParen, 1),
                '[' => (TokenKind.LeftBracket, 1),
                ']' => (TokenKind.RightBracket, 1),
                ',' => (TokenKind.Comma, 1),
                '.' => (TokenKind.Dot, 1),
                '<' => (TokenKind.Less, 1),
                '>' => (TokenKind.Greater, 1),
                '+' => (TokenKind.Plus, 1),
                '-' => (TokenKind.Minus, 1),
                _ => ((TokenKind?)null, 1),
            },
        };

        if (kind is null)
        {
            return BadSymbol(start, two);
        }

        _pos += length;
        return Make(kind.Value, start, null);
    }

    private Token? BadSymbol(int start, string two)
    {
        var c = _text[start];
        var (length, fix) = (two, c) switch
        {
            ("&&", _) => (2, "use 'and' to join conditions"),
            ("||", _) => (2, "use 'or' to join conditions"),
            (_, '=') => (1, "use '==' to compare"),
            (_, '!') => (1, "use 'not' to negate, or '!=' to compare"),
            (_, '&') => (1, "use 'and' to join conditions"),
            (_, '|') => (1, "use 'or' to join conditions"),
            _ => (1, "remove it, or quote text as a string, e.g. 'text'"),
        };
        var shown = _text.Substring(start, length);
        return Fail(start, start + length, $"unexpected '{shown}'", fix);
    }

    private Token? Fail(int start, int end, string message, string? fix)
    {
        bag.Error(ErrorCodes.Syntax, source.FileSpan(start, end), message, fix);
        return null;
    }

    private Token Make(TokenKind kind, int start, object? value) => new(kind, _text[start.._pos], value, start, _pos);

    private char Peek(int ahead) => _pos + ahead < _text.Length ? _text[_pos + ahead] : '\0';

    private void SkipDigits()
    {
        while (_pos < _text.Length && char.IsAsciiDigit(_text[_pos]))
        {
            _pos++;
        }
    }
}
