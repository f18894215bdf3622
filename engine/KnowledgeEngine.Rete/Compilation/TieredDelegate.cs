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
    /// a delegate type other than a <c>Func</c> of one or two arguments is compiled at once.</summary>
    public static T Create<T>(Expression<T> lambda, Func<T> compile) where T : Delegate
    {
        var type = typeof(T);
        if (!type.IsGenericType)
        {
            return compile();
        }

        var definition = type.GetGenericTypeDefinition();
        var tier = definition == typeof(Func<,>) ? typeof(Tier<,>)
            : definition == typeof(Func<,,>) ? typeof(Tier<,,>)
            : null;
        if (tier is null)
        {
            return compile();
        }

        var instance = (ITier)Activator.CreateInstance(tier.MakeGenericType(type.GetGenericArguments()), lambda.Compile(preferInterpretation: true), compile)!;
        return (T)instance.Invoker;
    }

    /// <summary>Whether <paramref name="tiered"/>, made by <see cref="Create{T}"/>, runs compiled code by now.</summary>
    internal static bool IsCompiled(Delegate tiered) => tiered.Target is not ITier tier || tier.IsCompiled;

    private interface ITier
    {
        Delegate Invoker { get; }

        bool IsCompiled { get; }
    }

    // Two threads may cross the threshold together and both compile: the compiled code is shared by shape
    // (CompiledShapes), so the second compile only looks it up, and either result is the same function.
    private sealed class Tier<TArg, TResult>(Func<TArg, TResult> interpreted, Func<Func<TArg, TResult>> compile) : ITier
    {
        private Func<TArg, TResult>? _compiled;
        private int _calls;

        public Delegate Invoker => new Func<TArg, TResult>(Invoke);

        public bool IsCompiled => _compiled is not null;

        private TResult Invoke(TArg arg)
        {
            if (_compiled is { } compiled)
            {
                return compiled(arg);
            }

            return ++_calls < Threshold ? interpreted(arg) : (_compiled = compile())(arg);
        }
    }

    private sealed class Tier<TArg1, TArg2, TResult>(Func<TArg1, TArg2, TResult> interpreted, Func<Func<TArg1, TArg2, TResult>> compile) : ITier
    {
        private Func<TArg1, TArg2, TResult>? _compiled;
        private int _calls;

        public Delegate Invoker => new Func<TArg1, TArg2, TResult>(Invoke);

        public bool IsCompiled => _compiled is not null;

        private TResult Invoke(TArg1 first, TArg2 second)
        {
            if (_compiled is { } compiled)
            {
                return compiled(first, second);
            }

            return ++_calls < Threshold ? interpreted(first, second) : (_compiled = compile())(first, second);
        }
    }
}
