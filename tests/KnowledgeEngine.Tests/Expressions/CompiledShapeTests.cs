using System.Linq.Expressions;
using KnowledgeEngine.Rules;
using KnowledgeEngine.Rules.Expressions;
using static KnowledgeEngine.Tests.Expressions.ExprHarness;

namespace KnowledgeEngine.Tests.Expressions;

/// <summary>The tree shapes the Rete compiler relies on to split conjuncts and index joins.</summary>
public class CompiledShapeTests
{
    [Fact]
    public void Compile_StringJoin_IsEqualOverTwoStrings()
    {
        var body = Compile("name == host.name");

        var equal = Assert.IsAssignableFrom<BinaryExpression>(body);
        Assert.Equal(ExpressionType.Equal, equal.NodeType);
        Assert.Equal(typeof(string), equal.Left.Type);
        Assert.Equal(typeof(string), equal.Right.Type);
        Assert.IsAssignableFrom<MemberExpression>(equal.Left);
        Assert.IsAssignableFrom<MemberExpression>(equal.Right);
    }

    [Fact]
    public void Compile_DynamicAgainstString_ConvertsWithAsString()
    {
        var body = Compile("host.spec.name == name");

        var equal = Assert.IsAssignableFrom<BinaryExpression>(body);
        Assert.Equal(ExpressionType.Equal, equal.NodeType);
        var call = Assert.IsAssignableFrom<MethodCallExpression>(equal.Left);
        Assert.Equal(nameof(ExpressionRuntime.AsString), call.Method.Name);
        Assert.Equal(typeof(string), equal.Right.Type);
    }

    [Fact]
    public void Compile_NumberEquality_IsEqualOverTwoDoubles()
    {
        var body = Compile("labels.port == restarts");

        var equal = Assert.IsAssignableFrom<BinaryExpression>(body);
        Assert.Equal(ExpressionType.Equal, equal.NodeType);
        Assert.Equal(typeof(double), equal.Left.Type);
        Assert.Equal(typeof(double), equal.Right.Type);
    }

    [Fact]
    public void Compile_TwoDynamicValues_IsEqualNodeWithRuntimeMethod()
    {
        var body = Compile("labels.app == host.spec.app");

        var equal = Assert.IsAssignableFrom<BinaryExpression>(body);
        Assert.Equal(ExpressionType.Equal, equal.NodeType);
        Assert.Equal(nameof(ExpressionRuntime.Equal), equal.Method!.Name);
    }

    [Fact]
    public void Compile_And_IsAndAlsoOfTheConjuncts()
    {
        var body = Compile("name == host.name and restarts > 3");

        var and = Assert.IsAssignableFrom<BinaryExpression>(body);
        Assert.Equal(ExpressionType.AndAlso, and.NodeType);
        Assert.Equal(ExpressionType.Equal, and.Left.NodeType);
        Assert.Equal(ExpressionType.GreaterThan, and.Right.NodeType);
    }

    [Fact]
    public void Compile_Body_IsBoolTyped() =>
        Assert.Equal(typeof(bool), Compile("labels.ready").Type);

    [Fact]
    public void Compile_SamePatternInTwoRules_SharesOneRegexConstant()
    {
        var first = RegexConstant(Compile("name matches 'timeout after \\d+s'"));
        var second = RegexConstant(Compile("labels.app matches \"timeout after \\d+s\""));

        Assert.Same(first, second);
    }

    [Fact]
    public void Compile_Regex_IsNonBacktrackingWithoutTimeoutAndInvariantCulture()
    {
        var regex = ((KnowledgeEngine.Facts.LazyRegex)RegexConstant(Compile("name matches 'a+b'"))).Matcher;

        Assert.Equal(System.Text.RegularExpressions.Regex.InfiniteMatchTimeout, regex.MatchTimeout);
        Assert.True(regex.Options.HasFlag(System.Text.RegularExpressions.RegexOptions.NonBacktracking));
        Assert.True(regex.Options.HasFlag(System.Text.RegularExpressions.RegexOptions.CultureInvariant));
    }

    [Fact]
    public void Compile_RegexWithBackreference_FallsBackToBacktrackingWithATimeout()
    {
        var regex = ((KnowledgeEngine.Facts.LazyRegex)RegexConstant(Compile(@"name matches '(a)\1'"))).Matcher;

        Assert.Equal(TimeSpan.FromSeconds(1), regex.MatchTimeout);
        Assert.False(regex.Options.HasFlag(System.Text.RegularExpressions.RegexOptions.NonBacktracking));
    }

    [Fact]
    public void Compile_ConstantList_IsOneConstant()
    {
        var call = Assert.IsAssignableFrom<MethodCallExpression>(Compile("name in ['a', 'b']"));

        var list = Assert.IsAssignableFrom<ConstantExpression>(StripConvert(call.Arguments[1]));
        Assert.Equal(["a", "b"], (IEnumerable<object?>)list.Value!);
    }

    [Fact]
    public void Compile_PathOfDynamicObject_AsksScopeForLongestPrefixFirst()
    {
        var scope = new TestScope();

        Compile("labels.a.b == 'x'", scope);

        Assert.Equal(["labels.a.b", "labels.a", "labels"], scope.Requests.Select(p => string.Join(".", p.Select(s => s.Name))));
    }

    [Fact]
    public void Compile_PathSegments_ReachScopeWithFilePositions()
    {
        var scope = new TestScope();
        var bag = new DiagnosticBag();
        var origin = new SourceSpan("r.yaml", 12, 14, 12, 30);

        ExpressionCompiler.Compile(ExpressionParser.Parse("x == host.name", origin, bag)!, scope, bag, origin);

        Assert.Equal(new SourceSpan("r.yaml", 12, 19, 12, 23), scope.Requests[1][0].Span);
    }

    private static object RegexConstant(Expression body)
    {
        var call = Assert.IsAssignableFrom<MethodCallExpression>(body);
        return Assert.IsAssignableFrom<ConstantExpression>(call.Arguments[0]).Value!;
    }

    private static Expression StripConvert(Expression e) => e is UnaryExpression { NodeType: ExpressionType.Convert } u ? u.Operand : e;
}
