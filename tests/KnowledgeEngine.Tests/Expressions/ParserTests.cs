using KnowledgeEngine.Rules;
using KnowledgeEngine.Rules.Expressions;
using static KnowledgeEngine.Tests.Expressions.ExprHarness;

namespace KnowledgeEngine.Tests.Expressions;

public class ParserTests
{
    [Theory]
    [InlineData("a or b and c", "(Or path(a) (And path(b) path(c)))")]
    [InlineData("a and b or c", "(Or (And path(a) path(b)) path(c))")]
    [InlineData("a == 1 and b != 2", "(And (Equal path(a) Number:1) (NotEqual path(b) Number:2))")]
    [InlineData("not a and b", "(And (Not path(a)) path(b))")]
    [InlineData("not a == b", "(Equal (Not path(a)) path(b))")]
    [InlineData("a + 1 > b - 2", "(Greater (Add path(a) Number:1) (Subtract path(b) Number:2))")]
    [InlineData("a - b - c", "(Subtract (Subtract path(a) path(b)) path(c))")]
    [InlineData("(a or b) and c", "(And (Or path(a) path(b)) path(c))")]
    [InlineData("x not in [1, 2]", "(NotIn path(x) [Number:1 Number:2])")]
    [InlineData("-x + 1", "(Add (Negate path(x)) Number:1)")]
    public void Parse_Precedence_GroupsAsDocumented(string text, string expected) =>
        Assert.Equal(expected, Dump(Parse(text)));

    [Theory]
    [InlineData("'it\\'s'", "String:'it\\'s'")]
    [InlineData("\"double \\\"q\\\"\"", "String:'double \"q\"'")]
    [InlineData("'\\d+\\.\\d+'", "String:'\\d+\\.\\d+'")]
    [InlineData("12", "Number:12")]
    [InlineData("3.25", "Number:3.25")]
    [InlineData("-7", "Number:-7")]
    [InlineData("1e3", "Number:1000")]
    [InlineData("true", "Bool:true")]
    [InlineData("null", "Any:null")]
    [InlineData("90s", "Duration:1m30s")]
    [InlineData("1h30m", "Duration:1h30m")]
    [InlineData("2d", "Duration:2d")]
    [InlineData("500ms", "Duration:500ms")]
    [InlineData("-3m", "Duration:-3m")]
    [InlineData("[1, 'a', true]", "[Number:1 String:'a' Bool:true]")]
    [InlineData("[]", "[]")]
    public void Parse_Literal_HasValueAndType(string text, string expected) =>
        Assert.Equal(expected, Dump(Parse(text)));

    [Theory]
    [InlineData("status", "path(status)")]
    [InlineData("host.status", "path(host status)")]
    [InlineData("spec.roles[0]", "path(spec roles #0)")]
    [InlineData("labels['node-role.kubernetes.io/control-plane']", "path(labels key:node-role.kubernetes.io/control-plane)")]
    [InlineData("spec.in", "path(spec in)")]
    [InlineData("status.conditions[type == 'Ready'].status", "path(status conditions where:type=Ready status)")]
    [InlineData("ports[port == 443]", "path(ports where:port=443)")]
    [InlineData("spec.disks[exists(cdrom)].name", "path(spec disks where:exists(cdrom) name)")]
    public void Parse_Path_SplitsIntoSegments(string text, string expected) =>
        Assert.Equal(expected, Dump(Parse(text)));

    [Fact]
    public void Parse_Call_KeepsNameAndArgument() =>
        Assert.Equal("(exists path(host mac))", Dump(Parse("exists(host.mac)")));

    [Fact]
    public void Parse_Node_SpansAreRelativeToTheExpression()
    {
        var node = (BinaryNode)ExpressionParser.Parse("a == 'xy'", new SourceSpan("f.yaml", 12, 14, 12, 23), new DiagnosticBag())!;

        Assert.Equal(new SourceSpan("f.yaml", 1, 1, 1, 10), node.Span);
        Assert.Equal(new SourceSpan("f.yaml", 1, 6, 1, 10), node.Right.Span);
    }

    [Fact]
    public void Parse_MultiLineText_CountsLines()
    {
        var node = (BinaryNode)Parse("a == 1\nand b");

        Assert.Equal(new SourceSpan("rule.yaml", 2, 5, 2, 6), node.Right.Span);
    }

    [Fact]
    public void Parse_PathSegment_HasItsOwnSpan()
    {
        var path = (PathNode)Parse("spec.roles[0]");

        Assert.Equal([1, 6, 11], path.Segments.Select(s => s.Span.Column));
    }
}
