using KnowledgeEngine.Rules;
using KnowledgeEngine.Rules.Expressions;
using static KnowledgeEngine.Tests.Expressions.ExprHarness;

namespace KnowledgeEngine.Tests.Expressions;

/// <summary>KB101 and KB102, at the position inside a YAML file the origin gives (line 12, column 14).</summary>
public class SyntaxErrorTests
{
    private static readonly SourceSpan InYaml = new("rules/k8s/x.yaml", 12, 14, 12, 40);

    [Theory]
    [InlineData("", "12:14: error KB101: the expression is empty — write a condition, e.g. status == 'ok'")]
    [InlineData("status ==", "12:23: error KB101: expected an operand after '==', found end of expression — add a value or a field, e.g. status or 'ok'")]
    [InlineData("a and", "12:19: error KB101: expected an operand after 'and', found end of expression — add a value or a field, e.g. status or 'ok'")]
    [InlineData("a or or b", "12:19: error KB101: expected an operand after 'or', found 'or' — add a value or a field, e.g. status or 'ok'")]
    [InlineData("'abc", "12:14: error KB101: unterminated string — close it with '")]
    [InlineData("\"abc", "12:14: error KB101: unterminated string — close it with \"")]
    [InlineData("a = 1", "12:16: error KB101: unexpected '=' — use '==' to compare")]
    [InlineData("a && b", "12:16: error KB101: unexpected '&&' — use 'and' to join conditions")]
    [InlineData("!a", "12:14: error KB101: unexpected '!' — use 'not' to negate, or '!=' to compare")]
    [InlineData("a # b", "12:16: error KB101: unexpected '#' — remove it, or quote text as a string, e.g. 'text'")]
    [InlineData("t > 3x", "12:18: error KB101: unknown unit 'x' in duration '3x' — use d, h, m, s or ms, e.g. 90s or 1h30m")]
    [InlineData("1.5h", "12:14: error KB101: a duration takes whole numbers, found '1.5h' — write the fraction with a smaller unit, e.g. 1h30m instead of 1.5h")]
    [InlineData("30m1h", "12:14: error KB101: duration units must go from largest to smallest, once each, in '30m1h' — write it like 1h30m or 2m30s")]
    [InlineData("(a == 1", "12:21: error KB101: expected ')' to close the '(' at 12:14, found end of expression — add the missing ')'")]
    [InlineData("x in [1, 2", "12:24: error KB101: expected ',' or ']' in the list opened at 12:19, found end of expression — separate items with ',' and end with ']'")]
    [InlineData("a b", "12:16: error KB101: unexpected 'b' after the expression — join conditions with 'and' or 'or'")]
    [InlineData("a)", "12:15: error KB101: unexpected ')' after the expression — remove it, or add the '(' it closes")]
    [InlineData("a < b < c", "12:20: error KB101: comparisons cannot be chained: found '<' after a comparison — join them with 'and', e.g. a < b and b < c")]
    [InlineData("x[a]", "12:16: error KB101: expected an index, a quoted key or a selector inside '[ ]', found 'a' — write roles[0], labels['app'] or conditions[type == 'Ready']")]
    [InlineData("x[type == status]", "12:24: error KB101: expected a string, number or true/false after 'type ==' inside '[ ]', found 'status' — compare the element's field with a literal, e.g. conditions[type == 'Ready'].status")]
    [InlineData("x[exists(1)]", "12:23: error KB101: expected a field name in exists( ) inside '[ ]', found '1' — name the element's field, e.g. disks[exists(cdrom)]")]
    [InlineData("x[type == 'Ready'", "12:31: error KB101: expected ']' after the element selector, found end of expression — add the missing ']', e.g. conditions[type == 'Ready']")]
    [InlineData("x.", "12:16: error KB101: expected a field name after '.', found end of expression — write the field name, e.g. host.status, or a key in brackets, e.g. labels['app']")]
    public void Parse_SyntaxError_ReportsKB101AtFilePosition(string text, string expected) =>
        Assert.Equal("rules/k8s/x.yaml:" + expected, Assert.Single(Errors(text, InYaml)));

    [Theory]
    [InlineData("size(x) > 1", "12:14: error KB102: unknown function 'size' — functions are len, lower, upper, exists")]
    [InlineData("lenn(x) > 1", "12:14: error KB102: unknown function 'lenn' — did you mean 'len'? functions are len, lower, upper, exists")]
    [InlineData("len(a, b) > 1", "12:14: error KB102: len() takes 1 argument, found 2 arguments — call it as len(x)")]
    [InlineData("exists('x')", "12:21: error KB102: exists() takes a field path, found 'x' — name a field, e.g. exists(host.mac)")]
    public void Parse_BadCall_ReportsKB102(string text, string expected) =>
        Assert.Equal("rules/k8s/x.yaml:" + expected, Assert.Single(Errors(text, InYaml)));

    [Fact]
    public void Parse_SeveralBadCalls_ReportsEachOne()
    {
        var errors = Errors("size(a) > 1 and count(b) > 2", InYaml);

        Assert.Equal(["rules/k8s/x.yaml:12:14: error KB102: unknown function 'size' — functions are len, lower, upper, exists",
            "rules/k8s/x.yaml:12:30: error KB102: unknown function 'count' — functions are len, lower, upper, exists"], errors);
    }

    [Fact]
    public void Parse_ErrorOnSecondLine_UsesColumnOfThatLine()
    {
        var errors = Errors("a == 1 and\n  b ==", InYaml);

        Assert.Equal(["rules/k8s/x.yaml:13:7: error KB101: expected an operand after '==', found end of expression — add a value or a field, e.g. status or 'ok'"], errors);
    }

    [Fact]
    public void Parse_SyntaxError_ReturnsNull()
    {
        var node = ExpressionParser.Parse("a ==", InYaml, new DiagnosticBag());

        Assert.Null(node);
    }
}
