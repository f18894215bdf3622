using System.Linq.Expressions;

namespace KnowledgeEngine.Rete.Compilation;

/// <summary>
/// A lambda that starts out interpreted and is compiled once it has run <see cref="Threshold"/> times. Compiling a
/// lambda emits a dynamic method and JIT-compiles it: on the README example, 198 of them took 90 ms of a 0.8 s
/// run (a sampled trace of the published kb; `DynamicMethod.CreateDelegate` was the largest single cost of
/// building the network), and a diagnosis calls most of them a few times, or never. The interpreter builds a
/// lambda in microseconds and runs it in about a microsecond, so a condition that a crash loop tests on every
/// record is compiled after its first few hundred calls, and one tested ten times never is.
/// </summary>
internal static class TieredDelegate
{
    /// <summary>Calls before a lambda is compiled. Interpreting a call costs about 1 µs more than running compiled
    /// code, and compiling costs 0.3–0.5 ms, so a few hundred calls is where compiling starts to pay.</summary>
    public const int Threshold = 256;

    /// <summary>The lambda as a delegate that is interpreted for its first calls and then <paramref name="compile"/>d;
    /// a delegate type other than a <c>Func</c> of one or two arguments is compiled at once. The interpreter prepares
    /// the lambda on its first call: a diagnosis's network holds tests that its facts never reach. With that, one
    /// reflective lookup per delegate type instead of per lambda, and the shape key left until a compile
    /// (CompiledShapes.Tiered), the README example's compile and network went from 135 to 86 ms, its rules' run from
    /// 40 to 46 ms, and its scan and diagnosis from 353 to 322 ms (medians of 15 alternated runs of the published kb).</summary>
    public static T Create<T>(Expression<T> lambda, Func<T> compile) where T : Delegate =>
        Factory<T>.Make is { } make ? make(lambda, compile) : compile();

    /// <summary>Whether <paramref name="tiered"/>, made by <see cref="Create{T}"/>, runs compiled code by now.</summary>
    internal static bool IsCompiled(Delegate tiered) => tiered.Target is not ITier tier || tier.IsCompiled;

    private interface ITier
    {
        bool IsCompiled { get; }
    }

    /// <summary>The maker of tiered delegates of one type, found once per type by reflection (per lambda,
    /// MakeGenericType and Activator.CreateInstance were a tenth of the network's build in a trace).</summary>
    private static class Factory<T> where T : Delegate
    {
        public static readonly Func<Expression<T>, Func<T>, T>? Make = Find();

        private static Func<Expression<T>, Func<T>, T>? Find()
        {
            var type = typeof(T);
            if (!type.IsGenericType)
            {
                return null;
            }

            var definition = type.GetGenericTypeDefinition();
            var tier = definition == typeof(Func<,>) ? typeof(Tier<,>)
                : definition == typeof(Func<,,>) ? typeof(Tier<,,>)
                : null;
            return tier?.MakeGenericType(type.GetGenericArguments()).GetMethod(nameof(Tier<object, object>.Make))!.CreateDelegate<Func<Expression<T>, Func<T>, T>>();
        }
    }

    // Two threads may cross the threshold together and both compile: the compiled code is shared by shape
    // (CompiledShapes), so the second compile only looks it up, and either result is the same function. Two first
    // calls may likewise both prepare the interpreter; either one runs the same lambda.
    private sealed class Tier<TArg, TResult>(Expression<Func<TArg, TResult>> lambda, Func<Func<TArg, TResult>> compile) : ITier
    {
        private Func<TArg, TResult>? _interpreted;
        private Func<TArg, TResult>? _compiled;
        private int _calls;

        public bool IsCompiled => _compiled is not null;

        public static Func<TArg, TResult> Make(Expression<Func<TArg, TResult>> lambda, Func<Func<TArg, TResult>> compile) =>
            new Tier<TArg, TResult>(lambda, compile).Invoke;

        private TResult Invoke(TArg arg)
        {
            if (_compiled is { } compiled)
            {
                return compiled(arg);
            }

            return ++_calls < Threshold
                ? (_interpreted ??= lambda.Compile(preferInterpretation: true))(arg)
                : (_compiled = compile())(arg);
        }
    }

    private sealed class Tier<TArg1, TArg2, TResult>(Expression<Func<TArg1, TArg2, TResult>> lambda, Func<Func<TArg1, TArg2, TResult>> compile) : ITier
    {
        private Func<TArg1, TArg2, TResult>? _interpreted;
        private Func<TArg1, TArg2, TResult>? _compiled;
        private int _calls;

        public bool IsCompiled => _compiled is not null;

        public static Func<TArg1, TArg2, TResult> Make(Expression<Func<TArg1, TArg2, TResult>> lambda, Func<Func<TArg1, TArg2, TResult>> compile) =>
            new Tier<TArg1, TArg2, TResult>(lambda, compile).Invoke;

        private TResult Invoke(TArg1 first, TArg2 second)
        {
            if (_compiled is { } compiled)
            {
                return compiled(first, second);
            }

            return ++_calls < Threshold
                ? (_interpreted ??= lambda.Compile(preferInterpretation: true))(first, second)
                : (_compiled = compile())(first, second);
        }
    }
}
