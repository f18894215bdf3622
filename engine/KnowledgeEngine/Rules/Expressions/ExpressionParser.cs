namespace KnowledgeEngine.Rules.Expressions;

/// <summary>Parses the text of a <c>where:</c> expression into an <see cref="ExprNode"/>.</summary>
internal static class ExpressionParser
{
    /// <summary>
    /// Parses <paramref name="text"/>. Errors (KB101 syntax, KB102 function calls) go to
    /// <paramref name="bag"/> at file positions; the result is then null.
    /// </summary>
    /// <param name="origin">
    /// Where the first character of the text sits in the rule file: for a quoted YAML scalar
    /// that is the character after the opening quote.
    /// </param>
    public static ExprNode? Parse(string text, SourceSpan origin, DiagnosticBag bag)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(bag);
        var errorsBefore = bag.ErrorCount;
        var source = new SourceText(text, origin);
        var tokens = new Lexer(source, bag).Tokenize();
        if (tokens is null)
        {
            return null;
        }

        try
        {
            var node = new Parser(source, tokens, bag).ParseExpression();
            return bag.ErrorCount == errorsBefore ? node : null;
        }
        catch (Parser.SyntaxError)
        {
            return null;
        }
    }
}
