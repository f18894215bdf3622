using KnowledgeEngine.Rules.Expressions;
using KnowledgeEngine.Rules.Model;

namespace KnowledgeEngine.Rules.Compilation;

/// <summary>
/// Finds the partner that can open a log condition's literal-less regex in the scan plan: a named log
/// condition of the same rule's <c>when</c> that has a literal, when the condition's <c>where</c> holds,
/// as top-level <c>and</c> parts, <c>source == x.source</c> and <c>line &gt; x.line</c> (or <c>&gt;=</c>).
/// Such a condition can only match records after its partner's in the same file, so the scanner need
/// try it only there. In a trace of the 200 MB bundle of docs/benchmarks.md, the one such regex of the
/// built-in rules (a YAML tree after Talos' "unknown keys" error) took nine tenths of the scan.
/// </summary>
internal static class ScanGate
{
    public static ConditionModel? Of(ConditionModel condition, IReadOnlyList<ConditionModel> when)
    {
        if (condition.Kind.Value != FactKind.Log || condition.Where is not { } where || condition.Property("contains") is not null
            || condition.Property("regex") is not { } regex || Facts.RegexLiterals.From(regex.Value).Count > 0)
        {
            return null;
        }

        var node = ExpressionParser.Parse(where.Value, SourceSpan.OfFile(""), new DiagnosticBag());
        if (node is null)
        {
            return null;
        }

        var parts = Conjuncts(node).ToList();
        // A suspected match drops the where parts that read a non-signature condition (docs/rule-language.md),
        // so only a signature partner, or any partner in a rule without signatures, always stays joined.
        var joinsStay = !when.Any(c => c.IsSignature);
        return when.FirstOrDefault(partner => partner != condition && partner.Name is { } name && HasLiteral(partner)
            && (joinsStay || partner.IsSignature)
            && partner.Absent?.Value != true && partner.Count is null
            && parts.Any(p => SameSource(p, name.Value)) && parts.Any(p => After(p, name.Value)));
    }

    private static bool HasLiteral(ConditionModel partner) =>
        partner.Kind.Value == FactKind.Log && (partner.Property("contains") is not null
            || partner.Property("regex") is { } regex && Facts.RegexLiterals.From(regex.Value).Count > 0);

    private static IEnumerable<ExprNode> Conjuncts(ExprNode node) =>
        node is BinaryNode { Operator: BinaryOperator.And } and ? Conjuncts(and.Left).Concat(Conjuncts(and.Right)) : [node];

    private static bool SameSource(ExprNode part, string partner) =>
        part is BinaryNode { Operator: BinaryOperator.Equal } equal
        && (Own(equal.Left, "source") && Of(equal.Right, partner, "source") || Own(equal.Right, "source") && Of(equal.Left, partner, "source"));

    private static bool After(ExprNode part, string partner) => part switch
    {
        BinaryNode { Operator: BinaryOperator.Greater or BinaryOperator.GreaterOrEqual } b => Own(b.Left, "line") && Of(b.Right, partner, "line"),
        BinaryNode { Operator: BinaryOperator.Less or BinaryOperator.LessOrEqual } b => Of(b.Left, partner, "line") && Own(b.Right, "line"),
        _ => false,
    };

    private static bool Own(ExprNode node, string field) =>
        node is PathNode { Segments: [{ IsField: true } only] } && only.Name == field;

    private static bool Of(ExprNode node, string name, string field) =>
        node is PathNode { Segments: [{ IsField: true } first, { IsField: true } second] }
        && first.Name == name && second.Name == field;
}
