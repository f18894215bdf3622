using System.Globalization;
using System.Text;

namespace KnowledgeEngine.Rules.Expressions;

/// <summary>
/// Writes an expression in canonical form: single quotes, one space around operators, and
/// parentheses only where precedence needs them. Parsing the output gives the same tree.
/// </summary>
internal static class ExpressionPrinter
{
    public static string Print(ExprNode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        var text = new StringBuilder();
        Write(text, node, 0);
        return text.ToString();
    }

    private static void Write(StringBuilder text, ExprNode node, int context)
    {
        var own = Precedence(node);
        var parenthesize = own < context;
        if (parenthesize)
        {
            text.Append('(');
        }

        switch (node)
        {
            case LiteralNode literal:
                text.Append(Literal(literal));
                break;
            case ListNode list:
                WriteAll(text.Append('['), list.Items).Append(']');
                break;
            case PathNode path:
                WritePath(text, path);
                break;
            case CallNode call:
                WriteAll(text.Append(call.Name).Append('('), call.Arguments).Append(')');
                break;
            case UnaryNode unary:
                WriteUnary(text, unary);
                break;
            case BinaryNode binary:
                WriteBinary(text, binary);
                break;
            default:
                throw new ArgumentException($"unknown node type {node.GetType().Name}", nameof(node));
        }

        if (parenthesize)
        {
            text.Append(')');
        }
    }

    private static int Precedence(ExprNode node) => node switch
    {
        BinaryNode binary => OperatorTable.Precedence(binary.Operator),
        UnaryNode => OperatorTable.Unary,
        _ => OperatorTable.Primary,
    };

    private static void WriteBinary(StringBuilder text, BinaryNode binary)
    {
        var own = OperatorTable.Precedence(binary.Operator);
        // Comparisons do not chain, so a comparison operand of a comparison needs parentheses.
        var leftContext = own == OperatorTable.Comparison ? own + 1 : own;
        Write(text, binary.Left, leftContext);
        text.Append(' ').Append(OperatorTable.Text(binary.Operator)).Append(' ');
        Write(text, binary.Right, own + 1);
    }

    private static void WriteUnary(StringBuilder text, UnaryNode unary)
    {
        if (unary.Operator == UnaryOperator.Not)
        {
            Write(text.Append("not "), unary.Operand, OperatorTable.Unary);
            return;
        }

        text.Append('-');
        // "-5" would read back as a negative literal, "--x" is fine but "-(-5)" keeps the tree.
        var keepApart = unary.Operand is LiteralNode { Type: ExprType.Number or ExprType.Duration } or UnaryNode { Operator: UnaryOperator.Negate };
        Write(text, unary.Operand, keepApart ? OperatorTable.Primary + 1 : OperatorTable.Unary);
    }

    private static StringBuilder WriteAll(StringBuilder text, IReadOnlyList<ExprNode> items)
    {
        for (var i = 0; i < items.Count; i++)
        {
            if (i > 0)
            {
                text.Append(", ");
            }

            Write(text, items[i], 0);
        }

        return text;
    }

    private static void WritePath(StringBuilder text, PathNode path)
    {
        for (var i = 0; i < path.Segments.Count; i++)
        {
            var segment = path.Segments[i];
            if (segment.Index is { } index)
            {
                text.Append('[').Append(index.ToString(CultureInfo.InvariantCulture)).Append(']');
            }
            else if (segment.Key is { } key)
            {
                text.Append('[').Append(Quote(key)).Append(']');
            }
            else if (segment.Selector is { } selector)
            {
                text.Append('[').Append(selector.Value is null ? $"exists({selector.Field})" : $"{selector.Field} == {Literal(new LiteralNode(selector.Value, ExprType.Any, path.Span))}").Append(']');
            }
            else
            {
                text.Append(i == 0 ? "" : ".").Append(segment.Name);
            }
        }
    }

    /// <summary>An operand's text in quotes for messages, unless it is a string literal that has its own.</summary>
    internal static string Quoted(ExprNode node) =>
        node is LiteralNode { Type: ExprType.String } ? Print(node) : $"'{Print(node)}'";

    internal static string Literal(LiteralNode literal) => literal.Value switch
    {
        null => "null",
        bool b => b ? "true" : "false",
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        TimeSpan t => DurationSyntax.Format(t),
        string s => Quote(s),
        var other => throw new ArgumentException($"unsupported literal value {other.GetType().Name}", nameof(literal)),
    };

    internal static string Quote(string value)
    {
        var text = new StringBuilder("'");
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            var next = i + 1 < value.Length ? value[i + 1] : '\0';
            text.Append(c switch
            {
                '\'' => "\\'",
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                // A lone backslash survives parsing unless it would start an escape.
                '\\' when next is '\\' or '\'' or '"' or 'n' or 'r' or 't' or '\0' => "\\\\",
                _ => c.ToString(),
            });
        }

        return text.Append('\'').ToString();
    }
}
