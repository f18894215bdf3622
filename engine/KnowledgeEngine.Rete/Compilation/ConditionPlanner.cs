using System.Linq.Expressions;
using System.Reflection;
using KnowledgeEngine.Rete.Runtime;
using Tuple = KnowledgeEngine.Rete.Runtime.Tuple;

namespace KnowledgeEngine.Rete.Compilation;

/// <summary>Splits a pattern's conditions into alpha tests (own fact only), hash-join equalities
/// (own side = earlier side) and other join predicates, and compiles each to a delegate that reads
/// facts from the tuple by position.</summary>
internal sealed class ConditionPlanner(string ruleName, IReadOnlyList<Declaration?> earlier, DelegateCache cache)
{
    private static readonly MethodInfo s_getObject = typeof(Tuple).GetMethod(nameof(Tuple.GetObject))!;
    private static readonly MethodInfo s_keyOf = typeof(JoinKey).GetMethod(nameof(JoinKey.Of))!;
    private static readonly MethodInfo s_composite = typeof(JoinKey).GetMethod(nameof(JoinKey.Composite))!;

    private readonly ParameterExpression _tuple = Expression.Parameter(typeof(Tuple), "tuple");
    private readonly ParameterExpression _fact = Expression.Parameter(typeof(object), "fact");

    public PatternPlan PlanPattern(PatternElement pattern)
    {
        var alpha = new List<AlphaTest>();
        var equalities = new List<(Expression Left, Expression Right)>();
        var others = new List<Expression>();
        foreach (var (conjunct, own) in Conjuncts(pattern.Declaration, pattern.Conditions))
        {
            var used = ParameterCollector.Collect(conjunct);
            if (used.All(p => IndexOf(p.Name) < 0))
            {
                alpha.Add(CompileAlpha(conjunct, pattern.Declaration));
            }
            else if (TrySplitEquality(conjunct, own, out var left, out var right))
            {
                equalities.Add((left, right));
            }
            else
            {
                others.Add(conjunct);
            }
        }

        // A canonical order, so equal conditions written in any order share their nodes; hash and substring
        // dispatches come first because they test all sibling conditions at once, so a costly test (a regex)
        // only sees facts that already passed the cheap ones.
        alpha.Sort((x, y) => x.Dispatch is null != y.Dispatch is null
            ? (x.Dispatch is null ? 1 : -1)
            : string.CompareOrdinal(x.Key, y.Key));
        return new PatternPlan(pattern.Declaration.Type, alpha, PlanJoin(pattern.Declaration, equalities, others));
    }

    /// <summary>Compiles conditions that may read everything (used for aggregate results).</summary>
    public (Func<Tuple, object, bool>? Predicate, string Key) PlanPredicate(Declaration own, IReadOnlyList<LambdaExpression> conditions)
    {
        var parts = Conjuncts(own, conditions).Select(c => c.Conjunct).ToList();
        if (parts.Count == 0)
        {
            return (null, "");
        }

        var key = cache.Intern(string.Join(" & ", parts.Select(KeyOf)));
        return (CompilePredicate(parts, key, own), key);
    }

    public string KeyOf(LambdaExpression lambda) => KeyOf(lambda.Body);

    public Func<object, DateTimeOffset?> PlanTimestamp(Declaration own, LambdaExpression timestamp)
    {
        if (timestamp.Parameters.Count != 1)
        {
            throw new RuleDefinitionException(ruleName, "A time window's timestamp selector takes exactly the aggregated fact.");
        }

        var body = Bind(timestamp.Body, own);
        return CompiledShapes.Tiered(Expression.Lambda<Func<object, DateTimeOffset?>>(Expression.Convert(body, typeof(DateTimeOffset?)), _fact));
    }

    private IEnumerable<(Expression Conjunct, ParameterExpression? Own)> Conjuncts(Declaration own, IReadOnlyList<LambdaExpression> conditions)
    {
        foreach (var condition in conditions)
        {
            if (condition.ReturnType != typeof(bool))
            {
                throw new RuleDefinitionException(ruleName, $"Condition on '{own.Name}' must return bool. Condition={condition}");
            }

            var ownParameter = BindParameters(own, condition);
            foreach (var conjunct in Split(condition.Body))
            {
                yield return (conjunct, ownParameter);
            }
        }
    }

    /// <summary>The condition's parameter that is the pattern's own fact, if any (<see cref="ParameterResolver"/>).</summary>
    private ParameterExpression? BindParameters(Declaration own, LambdaExpression condition) =>
        ParameterResolver.Resolve(ruleName, condition, own, name => IndexOf(name) is var i and >= 0 ? earlier[i] : null,
                earlier.Where(d => d is not null).Select(d => d!.Name))
            .FirstOrDefault(r => r.IsOwn).Parameter;

    private int IndexOf(string? name)
    {
        for (var i = earlier.Count - 1; i >= 0; i--)
        {
            if (earlier[i]?.Name == name)
            {
                return i;
            }
        }

        return -1;
    }

    private static IEnumerable<Expression> Split(Expression body)
    {
        if (body is BinaryExpression { NodeType: ExpressionType.AndAlso } and)
        {
            return Split(and.Left).Concat(Split(and.Right));
        }

        return [body];
    }

    private bool TrySplitEquality(Expression conjunct, ParameterExpression? own, out Expression left, out Expression right)
    {
        left = right = conjunct;
        if (own is null || conjunct is not BinaryExpression { NodeType: ExpressionType.Equal } equal || !IsHashable(equal.Left.Type))
        {
            return false;
        }

        var leftUses = ParameterCollector.Collect(equal.Left);
        var rightUses = ParameterCollector.Collect(equal.Right);
        bool OwnOnly(IReadOnlySet<ParameterExpression> uses) => uses.Count > 0 && uses.All(p => IndexOf(p.Name) < 0);
        bool EarlierOnly(IReadOnlySet<ParameterExpression> uses) => uses.Count > 0 && uses.All(p => IndexOf(p.Name) >= 0);
        if (OwnOnly(rightUses) && EarlierOnly(leftUses))
        {
            (left, right) = (equal.Left, equal.Right);
            return true;
        }

        if (OwnOnly(leftUses) && EarlierOnly(rightUses))
        {
            (left, right) = (equal.Right, equal.Left);
            return true;
        }

        return false;
    }

    /// <summary>Only types whose == agrees with Equals/GetHashCode may be hash-joined.</summary>
    private static bool IsHashable(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        return type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(decimal)
            || type == typeof(DateTime) || type == typeof(DateTimeOffset) || type == typeof(TimeSpan) || type == typeof(Guid);
    }

    private AlphaTest CompileAlpha(Expression conjunct, Declaration own)
    {
        var key = KeyOf(conjunct);
        var test = new Lazy<Func<object, bool>>(() =>
            cache.Get(key, () => Expression.Lambda<Func<object, bool>>(Bind(conjunct, own), _fact)));
        return new AlphaTest(key, test, TryDispatch(conjunct, own));
    }

    /// <summary>Recognises <c>accessor(own) == constant</c> with a hashable type.</summary>
    private AlphaDispatch? TryDispatch(Expression conjunct, Declaration own)
    {
        if (TrySubstringDispatch(conjunct, own) is { } substring)
        {
            return substring;
        }

        if (conjunct is not BinaryExpression { NodeType: ExpressionType.Equal, Method: null } equal || !IsHashable(equal.Left.Type))
        {
            return null;
        }

        var (accessor, constant) = ParameterCollector.Collect(equal.Right).Count == 0 ? (equal.Left, equal.Right) : (equal.Right, equal.Left);
        if (ParameterCollector.Collect(constant).Count > 0 || ParameterCollector.Collect(accessor).Count == 0)
        {
            return null;
        }

        if (!TryEvaluate(constant, out var value))
        {
            return null; // not a plain constant after all: keep the ordinary test
        }

        var accessorKey = KeyOf(accessor);
        var read = cache.Get(accessorKey, () => Expression.Lambda<Func<object, object>>(Boxed(Bind(accessor, own)), _fact));
        return new AlphaDispatch(accessorKey, read, JoinKey.Of(value));
    }

    /// <summary>Recognises <c>accessor(own).Contains(literal, StringComparison.Ordinal)</c> (or the one-argument
    /// form, which is ordinal too) where the literal is a non-empty string that reads no fact.</summary>
    private AlphaDispatch? TrySubstringDispatch(Expression conjunct, Declaration own)
    {
        if (conjunct is not MethodCallExpression { Method.Name: nameof(string.Contains), Object: { } text } call
            || text.Type != typeof(string) || call.Method.DeclaringType != typeof(string)
            || call.Arguments.Count is < 1 or > 2 || call.Arguments[0].Type != typeof(string)
            || ParameterCollector.Collect(text).Count == 0
            || Evaluate(call.Arguments[0]) is not string { Length: > 0 } literal
            || (call.Arguments.Count == 2 && Evaluate(call.Arguments[1]) is not StringComparison.Ordinal))
        {
            return null;
        }

        var accessorKey = KeyOf(text);
        var read = cache.Get(accessorKey, () => Expression.Lambda<Func<object, object>>(Boxed(Bind(text, own)), _fact));
        return new AlphaDispatch(accessorKey, read, literal, IsSubstring: true);
    }

    /// <summary>The value of an expression that reads no fact (a constant or a captured variable); null otherwise.</summary>
    private static object? Evaluate(Expression expression) =>
        ParameterCollector.Collect(expression).Count == 0 && TryEvaluate(expression, out var value) ? value : null;

    /// <summary>Evaluates a fact-free expression. Constants, which is what the rule compiler writes, are read
    /// directly: interpreting a lambda per condition was a visible part of loading 1,000 rules.</summary>
    private static bool TryEvaluate(Expression expression, out object? value)
    {
        if (expression is ConstantExpression constant)
        {
            value = constant.Value;
            return true;
        }

        try
        {
            value = Expression.Lambda<Func<object?>>(Expression.Convert(expression, typeof(object))).Compile(preferInterpretation: true)();
            return true;
        }
        catch (Exception)
        {
            value = null;
            return false;
        }
    }

    private JoinPlan PlanJoin(Declaration own, List<(Expression Left, Expression Right)> equalities, List<Expression> others)
    {
        if (equalities.Count == 0 && others.Count == 0)
        {
            return JoinPlan.None;
        }

        Func<Tuple, object>? leftKey = null;
        Func<object, object>? rightKey = null;
        string? rightKeyText = null;
        string? leftText = null;
        var keyText = "";
        if (equalities.Count > 0)
        {
            var leftKeys = equalities.Select(e => KeyOf(e.Left)).ToList();
            var rightKeys = equalities.Select(e => KeyOf(e.Right)).ToList();
            leftText = cache.Intern(string.Join(" & ", leftKeys));
            rightKeyText = cache.Intern(string.Join(" & ", rightKeys));
            leftKey = cache.Get(leftText, () => Expression.Lambda<Func<Tuple, object>>(Combine(equalities.Select(e => Boxed(Bind(e.Left, own))).ToList()), _tuple));
            rightKey = cache.Get(rightKeyText, () => Expression.Lambda<Func<object, object>>(Combine(equalities.Select(e => Boxed(Bind(e.Right, own))).ToList()), _fact));
            keyText = "eq[" + string.Join(" & ", leftKeys.Zip(rightKeys, (l, r) => l + "=" + r)) + "]";
        }

        Func<Tuple, object, bool>? predicate = null;
        if (others.Count > 0)
        {
            var otherKeys = string.Join(" & ", others.Select(KeyOf));
            predicate = CompilePredicate(others, otherKeys, own);
            keyText += "pred[" + otherKeys + "]";
        }

        return new JoinPlan(cache.Intern(keyText), leftKey, rightKey, rightKeyText, predicate) { LeftKeyText = leftText };
    }

    private Func<Tuple, object, bool> CompilePredicate(IReadOnlyList<Expression> parts, string key, Declaration own) =>
        cache.Get(key, () =>
            Expression.Lambda<Func<Tuple, object, bool>>(parts.Select(p => Bind(p, own)).Aggregate(Expression.AndAlso), _tuple, _fact));

    /// <summary>Rewrites a condition part so that earlier declarations read from the tuple and the
    /// own fact from the fact argument. Parameters are matched by name: each condition lambda has
    /// its own parameter objects.</summary>
    private Expression Bind(Expression part, Declaration own) =>
        new BindingRewriter(p =>
        {
            var index = IndexOf(p.Name);
            return index >= 0 ? TupleRead(index, p.Type) : Expression.Convert(_fact, own.Type);
        }).Visit(part)!;

    private string KeyOf(Expression part) => cache.Intern(ExpressionKey.Of(part, p =>
    {
        var index = IndexOf(p.Name);
        return index >= 0 ? "$t" + index : "$f";
    }));

    private Expression TupleRead(int index, Type type) =>
        Expression.Convert(Expression.Call(_tuple, s_getObject, Expression.Constant(index)), type);

    private static Expression Boxed(Expression e) => Expression.Call(s_keyOf, Expression.Convert(e, typeof(object)));

    private static Expression Combine(IReadOnlyList<Expression> keys) =>
        keys.Count == 1 ? keys[0] : Expression.Call(s_composite, Expression.NewArrayInit(typeof(object), keys));
}
