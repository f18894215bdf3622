using System.Linq.Expressions;
using KnowledgeEngine.Rete.Compilation;

namespace KnowledgeEngine.Rete.Tests;

public class CompiledShapesTests
{
    [Fact]
    public void Lambdas_that_differ_only_in_constants_share_one_compiled_method()
    {
        Expression<Func<string, bool>> first = s => s.Contains("No space left on device");
        Expression<Func<string, bool>> second = s => s.Contains("x509: certificate has expired");

        var one = CompiledShapes.Compile(first);
        var two = CompiledShapes.Compile(second);

        Assert.Same(one.Method, two.Method);
        Assert.True(one("write: No space left on device"));
        Assert.False(one("x509: certificate has expired"));
        Assert.True(two("x509: certificate has expired"));
    }

    [Fact]
    public void Lambdas_of_different_shapes_get_their_own_methods()
    {
        Expression<Func<int, int>> add = x => x + 1;
        Expression<Func<int, int>> multiply = x => x * 1;

        var one = CompiledShapes.Compile(add);
        var two = CompiledShapes.Compile(multiply);

        Assert.NotSame(one.Method, two.Method);
        Assert.Equal(4, one(3));
        Assert.Equal(3, two(3));
    }
}
