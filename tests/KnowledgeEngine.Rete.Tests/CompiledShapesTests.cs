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

    [Fact]
    public void A_tiered_lambda_gives_the_same_results_interpreted_and_compiled()
    {
        Expression<Func<string, int>> length = s => s.Length + 1000;

        var tiered = CompiledShapes.Tiered(length);
        var results = Enumerable.Range(0, TieredDelegate.Threshold * 2).Select(i => tiered(new string('x', i))).ToList();

        Assert.Equal(Enumerable.Range(1000, TieredDelegate.Threshold * 2), results);
        Assert.True(TieredDelegate.IsCompiled(tiered));
    }

    [Fact]
    public void A_tiered_lambda_stays_interpreted_until_it_has_run_often()
    {
        Expression<Func<int, int, bool>> between = (x, y) => x < y && y < 70_000 + x;

        var tiered = CompiledShapes.Tiered(between);
        for (var i = 0; i < TieredDelegate.Threshold - 1; i++)
        {
            Assert.True(tiered(i, i + 1));
        }

        Assert.False(TieredDelegate.IsCompiled(tiered));
        Assert.False(tiered(5, 1));
        Assert.True(TieredDelegate.IsCompiled(tiered));
    }

    [Fact]
    public void A_lambda_whose_shape_was_compiled_before_is_compiled_code_at_once()
    {
        Expression<Func<string, bool>> first = s => s.EndsWith("tiered-shape-one", StringComparison.Ordinal);
        Expression<Func<string, bool>> second = s => s.EndsWith("tiered-shape-two", StringComparison.Ordinal);
        var one = CompiledShapes.Compile(first);

        var two = CompiledShapes.Tiered(second);

        Assert.Same(one.Method, two.Method);
        Assert.True(two("a tiered-shape-two"));
    }

    [Fact]
    public void An_exception_thrown_by_an_interpreted_lambda_reaches_the_caller_as_thrown()
    {
        Expression<Func<string?, int>> length = s => s!.Length;

        var tiered = CompiledShapes.Tiered(length);

        Assert.Throws<NullReferenceException>(() => tiered(null));
    }

    [Fact]
    public void A_tiered_lambda_is_prepared_for_the_interpreter_only_on_its_first_call()
    {
        var reduced = 0;
        var x = Expression.Parameter(typeof(int), "x");
        var lambda = Expression.Lambda<Func<int, int>>(new CountedReduction(Expression.Add(x, Expression.Constant(1)), () => reduced++), x);

        var tiered = TieredDelegate.Create(lambda, lambda.Compile);
        var before = reduced;
        var result = tiered(41);

        Assert.Equal(0, before);
        Assert.Equal(42, result);
        Assert.Equal(1, reduced);
    }

    /// <summary>An expression that reduces to another and counts how often it is asked to: preparing a lambda for the
    /// interpreter (or compiling it) reduces it; building the tree or holding it does not.</summary>
    private sealed class CountedReduction(Expression reduced, Action onReduce) : Expression
    {
        public override ExpressionType NodeType => ExpressionType.Extension;

        public override Type Type => reduced.Type;

        public override bool CanReduce => true;

        public override Expression Reduce()
        {
            onReduce();
            return reduced;
        }
    }
}
