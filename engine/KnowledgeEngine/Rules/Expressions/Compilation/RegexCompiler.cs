using System.Linq.Expressions;
using System.Text.RegularExpressions;
using KnowledgeEngine.Facts;

namespace KnowledgeEngine.Rules.Expressions;

/// <summary>
/// <c>matches</c>: the pattern must be a literal so it is compiled, checked and interned at
/// load time; a bad pattern is a KB105 pointing at the offending character where possible.
/// </summary>
internal static class RegexCompiler
{
    public static Typed? Matches(CompileContext context, BinaryNode binary, Typed left)
    {
        var leftOk = left.Type is ExprType.String or ExprType.Any;
        if (!leftOk)
        {
            context.TypeError(binary.Left, $"'matches' needs text on the left, found {CompileContext.Describe(binary.Left, left.Type)}",
                "match a text field, e.g. message matches 'timeout after \\d+s'");
        }

        if (binary.Right is not LiteralNode { Value: string pattern } literal)
        {
            context.Error(ErrorCodes.Regex, binary.Right.Span, $"the pattern after 'matches' must be a quoted string, found {ExpressionPrinter.Quoted(binary.Right)}",
                "write the regex itself, e.g. message matches 'timeout after \\d+s'");
            return null;
        }

        if (Compile(context, literal, pattern) is not { } regex || !leftOk)
        {
            return null;
        }

        var call = Expression.Call(RuntimeMethods.IsMatch, Expression.Constant(regex), Coercion.To(left, ExprType.String));
        return new Typed(call, ExprType.Bool);
    }

    private static LazyRegex? Compile(CompileContext context, LiteralNode literal, string pattern)
    {
        try
        {
            return LazyRegex.Get(pattern);
        }
        catch (RegexParseException e)
        {
            context.Error(ErrorCodes.Regex, ErrorSpan(literal, pattern, e.Offset),
                $"invalid regex {ExpressionPrinter.Quote(pattern)}: {Reason(e)} (at offset {e.Offset} of the pattern)",
                "fix the pattern; escape a literal character with a backslash, e.g. \\( or \\.");
            return null;
        }
    }

    /// <summary>The .NET reason without the pattern and offset it repeats.</summary>
    private static string Reason(RegexParseException e)
    {
        var text = e.Message;
        var marker = $"at offset {e.Offset}. ";
        var at = text.IndexOf(marker, StringComparison.Ordinal);
        return (at >= 0 ? text[(at + marker.Length)..] : text).TrimEnd('.');
    }

    /// <summary>The character at the offset when the literal holds no escapes, else the whole literal.</summary>
    private static SourceSpan ErrorSpan(LiteralNode literal, string pattern, int offset)
    {
        var span = literal.Span;
        var verbatim = span.Line == span.EndLine && span.EndColumn - span.Column == pattern.Length + 2;
        if (!verbatim)
        {
            return span;
        }

        var column = span.Column + 1 + Math.Min(offset, pattern.Length);
        return span with { Column = column, EndLine = span.Line, EndColumn = column + 1 };
    }
}
