using CsCheck;
using KnowledgeEngine.Rules;
using KnowledgeEngine.Rules.Expressions;
using static KnowledgeEngine.Tests.Expressions.ExprHarness;

namespace KnowledgeEngine.Tests.Expressions;

public class PrinterTests
{
    private static readonly SourceSpan NoSpan = new("", 1, 1, 1, 1);

    [Theory]
    [InlineData("a   ==\"x\"", "a == 'x'")]
    [InlineData("conditions[ type=='Ready' ].status", "conditions[type == 'Ready'].status")]
    [InlineData("ports[open == true]", "ports[open == true]")]
    [InlineData("disks[ exists( cdrom ) ]", "disks[exists(cdrom)]")]
    [InlineData("(a and b) or c", "a and b or c")]
    [InlineData("a and (b or c)", "a and (b or c)")]
    [InlineData("a - (b - c)", "a - (b - c)")]
    [InlineData("not (a == b)", "not (a == b)")]
    [InlineData("-(-5)", "-(-5)")]
    [InlineData("x in ['a','b']", "x in ['a', 'b']")]
    [InlineData("labels['k'] matches '^\\d+$'", "labels['k'] matches '^\\d+$'")]
    [InlineData("t > c - 90s", "t > c - 1m30s")]
    public void Print_Parsed_IsCanonical(string text, string expected) =>
        Assert.Equal(expected, ExpressionPrinter.Print(Parse(text)));

    [Fact]
    public void Print_ThenParse_GivesTheSameTree()
    {
        Trees.Sample(tree =>
        {
            var text = ExpressionPrinter.Print(tree);
            var bag = new DiagnosticBag();
            var parsed = ExpressionParser.Parse(text, NoSpan, bag);
            Assert.True(parsed is not null, $"{text}: {string.Join("; ", bag.Items)}");
            Assert.Equal(Dump(tree), Dump(parsed!));
        }, iter: 2000);
    }

    private static readonly string[] Operands = ["a", "b", "c"];

    private static readonly Gen<ExprNode> Leaves = Gen.OneOf<ExprNode>(
        Gen.Int[-1000, 1000].Select(i => (ExprNode)new LiteralNode((double)i, ExprType.Number, NoSpan)),
        Gen.Double[-1e6, 1e6].Select(d => (ExprNode)new LiteralNode(d, ExprType.Number, NoSpan)),
        Gen.String[Gen.Char["ab'\"\\ntx\n\t"], 0, 6].Select(s => (ExprNode)new LiteralNode(s, ExprType.String, NoSpan)),
        Gen.Bool.Select(b => (ExprNode)new LiteralNode(b, ExprType.Bool, NoSpan)),
        Gen.Const((ExprNode)new LiteralNode(null, ExprType.Any, NoSpan)),
        Gen.Long[-100_000_000L, 100_000_000L].Select(ms => (ExprNode)new LiteralNode(TimeSpan.FromMilliseconds(ms), ExprType.Duration, NoSpan)),
        Paths);

    private static Gen<ExprNode> Paths => Gen.OneOf(Operands).SelectMany(first =>
        Gen.OneOf(
            Gen.OneOf("x", "in", "status").Select(n => PathSegment.Field(n, NoSpan)),
            Gen.Int[0, 9].Select(i => PathSegment.At(i, NoSpan)),
            Gen.String[Gen.Char["a.b-/'"], 0, 4].Select(k => PathSegment.ForKey(k, NoSpan)))
        .List[0, 3]
        .Select(rest => (ExprNode)new PathNode([PathSegment.Field(first, NoSpan), .. rest], NoSpan)));

    private static readonly Gen<ExprNode> Trees = Gen.Recursive<ExprNode>((depth, tree) => depth >= 4
        ? Leaves
        : Gen.Frequency(
            (3, Leaves),
            (4, Gen.Select(Gen.Enum<BinaryOperator>(), tree, tree, (op, l, r) => (ExprNode)new BinaryNode(op, l, r, NoSpan))),
            (1, Gen.Select(Gen.Enum<UnaryOperator>(), tree, (op, x) => (ExprNode)new UnaryNode(op, x, NoSpan))),
            (1, tree.List[0, 3].Select(items => (ExprNode)new ListNode(items, NoSpan))),
            (1, Gen.Select(Gen.OneOf("len", "lower", "upper"), tree, (name, x) => (ExprNode)new CallNode(name, [x], NoSpan)))));
}
