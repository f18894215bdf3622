using KnowledgeEngine.Rules.Expressions;

namespace KnowledgeEngine.Rules.Compilation;

/// <summary>
/// Removes from a <c>where</c> expression the top-level <c>and</c> parts that read a condition
/// which did not hold (for a suspected match: the non-signature when conditions). Only whole
/// conjuncts go: an <c>or</c> that reads such a name is dropped entirely, because keeping one
/// side of it would claim more than the rule says.
/// </summary>
internal static class JoinPruner
{
    /// <returns>The expression that remains (null when nothing does) and the printed parts dropped.</returns>
    public static (ExprNode? Kept, IReadOnlyList<string> Dropped) Prune(ExprNode node, IReadOnlySet<string> unavailable)
    {
        var dropped = new List<string>();
        var kept = Keep(node, unavailable, dropped);
        return (kept, dropped);
    }

    private static ExprNode? Keep(ExprNode node, IReadOnlySet<string> unavailable, List<string> dropped)
    {
        if (node is BinaryNode { Operator: BinaryOperator.And } and)
        {
            var left = Keep(and.Left, unavailable, dropped);
            var right = Keep(and.Right, unavailable, dropped);
            return left is null ? right : right is null ? left : and with { Left = left, Right = right };
        }

        if (!Reads(node, unavailable))
        {
            return node;
        }

        dropped.Add(ExpressionPrinter.Print(node));
        return null;
    }

    /// <summary>Whether some path of the expression starts with one of the names.</summary>
    public static bool Reads(ExprNode node, IReadOnlySet<string> names) => node switch
    {
        PathNode path => path.Segments.Count > 1 && names.Contains(path.Segments[0].Name),
        BinaryNode binary => Reads(binary.Left, names) || Reads(binary.Right, names),
        UnaryNode unary => Reads(unary.Operand, names),
        CallNode call => call.Arguments.Any(a => Reads(a, names)),
        ListNode list => list.Items.Any(i => Reads(i, names)),
        _ => false,
    };
}
