using KnowledgeEngine.Rules;
using static KnowledgeEngine.Tests.Expressions.ExprHarness;

namespace KnowledgeEngine.Tests.Expressions;

/// <summary>KB103, KB104 and KB105 from the compiler, at file positions.</summary>
public class TypeErrorTests
{
    private static readonly SourceSpan InYaml = new("rules/k8s/x.yaml", 12, 14, 12, 40);

    [Theory]
    [InlineData("uptime > '3'", "'>' cannot compare uptime (Duration) with '3' (String) — write the duration with a unit, e.g. 3m")]
    [InlineData("uptime > 3", "'>' cannot compare uptime (Duration) with 3 (Number) — write the duration with a unit, e.g. 3m")]
    [InlineData("restarts == 'x'", "cannot compare restarts (Number) with 'x' (String) — compare numbers with numbers: drop the quotes, e.g. 8080")]
    [InlineData("time > 3m", "'>' cannot compare time (Time) with 3m (Duration) — compare a time with a time, e.g. time > bundle.collected_at - 3m")]
    [InlineData("ready == 'yes'", "cannot compare ready (Bool) with 'yes' (String) — compare with true or false")]
    [InlineData("roles == 'a'", "cannot compare roles (List) with 'a' (String) — use 'in' or 'contains' to look into a list")]
    [InlineData("ready < true", "'<' cannot order ready (Bool) — only numbers, text, durations and times have an order; use == or != here")]
    [InlineData("name and ready", "'and' needs true or false on both sides, found name (String) — compare it, e.g. name == 'x'")]
    [InlineData("not name", "'not' needs true or false, found name (String) — 'not' applies to the operand right after it: write not (a == b), or use !=")]
    [InlineData("restarts contains 'x'", "'contains' needs text or a list on the left, found restarts (Number) — use == to compare single values")]
    [InlineData("restarts startsWith 'a'", "'startsWith' needs text on both sides, found restarts (Number) — compare text with text, e.g. name startsWith 'kube-'")]
    [InlineData("name + 1 > 2", "cannot add name (String) and 1 (Number) — '+' and '-' work on numbers, durations and times, e.g. bundle.collected_at - 3m; join conditions with 'and'")]
    [InlineData("uptime - time > 1m", "cannot subtract time (Time) from uptime (Duration) — '+' and '-' work on numbers, durations and times, e.g. bundle.collected_at - 3m; join conditions with 'and'")]
    [InlineData("-name == 'x'", "cannot negate name (String) — '-' applies to numbers and durations")]
    [InlineData("restarts", "a condition must be true or false, found restarts (Number) — compare it, e.g. restarts > 0")]
    [InlineData("name.first == 'x'", "name (String) has no field 'first' — only objects and lists have parts; remove what follows name")]
    public void Compile_TypeError_ReportsKB104AtStartOfOperation(string text, string expected) =>
        Assert.Equal($"rules/k8s/x.yaml:12:14: error KB104: {expected}", Assert.Single(Errors(text, InYaml)));

    [Theory]
    [InlineData("name in 'abc'", "12:22: error KB104: 'in' needs a list on the right, found 'abc' (String) — to look for text inside text write 'abc' contains name")]
    [InlineData("len(restarts) > 1", "12:18: error KB104: len() needs text or a list, found restarts (Number) — pass a string or list field, e.g. len(spec.roles)")]
    [InlineData("lower(restarts) == 'x'", "12:20: error KB104: lower() needs text, found restarts (Number) — pass a string field, e.g. lower(name)")]
    [InlineData("name contains 5", "12:28: error KB104: 'contains' looks for text in text, found 5 (Number) — quote what to look for, e.g. message contains 'timeout'")]
    public void Compile_TypeErrorInOperand_PointsAtTheOperand(string text, string expected) =>
        Assert.Equal("rules/k8s/x.yaml:" + expected, Assert.Single(Errors(text, InYaml)));

    [Fact]
    public void Compile_SeveralTypeErrors_ReportsAll()
    {
        var errors = Errors("uptime == '3' and name > 3", InYaml);

        Assert.Equal(["rules/k8s/x.yaml:12:14: error KB104: cannot compare uptime (Duration) with '3' (String) — write the duration with a unit, e.g. 3m",
            "rules/k8s/x.yaml:12:32: error KB104: '>' cannot compare name (String) with 3 (Number) — compare numbers with numbers: drop the quotes, e.g. 8080"], errors);
    }

    [Fact]
    public void Compile_UnknownName_ReportsKB103WithClosestNameFirst() =>
        Assert.Equal("rules/k8s/x.yaml:12:14: error KB103: unknown name 'host.nmae' — did you mean 'host.name'? known names: host.name, host.spec, name, time, uptime, restarts, roles, labels",
            Assert.Single(Errors("host.nmae == 'x'", InYaml)));

    [Fact]
    public void Compile_UnknownNameInExists_ReportsKB103() =>
        Assert.Equal("rules/k8s/x.yaml:12:21: error KB103: unknown name 'nmae' — did you mean 'name'? known names: name, time, ready, roles, labels, uptime, host.name, restarts",
            Assert.Single(Errors("exists(nmae)", InYaml)));

    [Fact]
    public void Compile_BadRegex_ReportsKB105AtTheOffendingCharacter() =>
        Assert.Equal("rules/k8s/x.yaml:12:31: error KB105: invalid regex '[a-': Unterminated [] set (at offset 3 of the pattern) — fix the pattern; escape a literal character with a backslash, e.g. \\( or \\.",
            Assert.Single(Errors("name matches '[a-'", InYaml)));

    [Fact]
    public void Compile_RegexWithEscapes_ReportsKB105AtTheLiteral() =>
        Assert.Equal("rules/k8s/x.yaml:12:27: error KB105: invalid regex '\\\\\\(': Not enough )'s (at offset 3 of the pattern) — fix the pattern; escape a literal character with a backslash, e.g. \\( or \\.",
            Assert.Single(Errors("name matches '\\\\\\\\('", InYaml)));

    [Fact]
    public void Compile_PatternNotLiteral_ReportsKB105() =>
        Assert.Equal("rules/k8s/x.yaml:12:27: error KB105: the pattern after 'matches' must be a quoted string, found 'name' — write the regex itself, e.g. message matches 'timeout after \\d+s'",
            Assert.Single(Errors("name matches name", InYaml)));
}
