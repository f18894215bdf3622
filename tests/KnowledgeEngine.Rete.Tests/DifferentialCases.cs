using System.Linq.Expressions;
using CsCheck;

namespace KnowledgeEngine.Rete.Tests;

/// <summary>The random rule sets and operation sequences of the differential tests, the naive
/// evaluator they are checked against, and the check itself, for any number of engines at once
/// (the NRules back end's tests link this file).</summary>
public static class DifferentialCases
{
    private static readonly Type[] FactTypes = [typeof(A), typeof(B), typeof(C)];

    private static readonly Gen<ElementSpec> GenElement =
        Gen.Select(Gen.Int[0, 3], Gen.Int[0, 2], Gen.Int[-1, 3], Gen.Int[0, 2], Gen.Int[0, 2], Gen.Int[0, 2])
            .Select((kind, type, alpha, joinTo, joinKind, countMin) =>
                new ElementSpec((ElementKind)kind, type, alpha < 0 ? null : alpha, joinTo, (JoinKind)joinKind, countMin));

    private static readonly Gen<RuleSpec> GenRule = GenElement.Array[1, 4].Select(elements =>
    {
        // The first element binds a fact; joins may only point at earlier pattern elements.
        elements[0] = elements[0] with { Kind = ElementKind.Pattern };
        return new RuleSpec(elements);
    });

    private static readonly Gen<Operation> GenOperation =
        Gen.Select(Gen.Int[0, 9], Gen.Int[0, 2], Gen.Int[0, 3], Gen.Int[0, 3], Gen.Int[0, 1000])
            .Select((op, type, key, value, pick) => new Operation(op < 5 ? OpKind.Insert : op < 8 ? OpKind.Update : OpKind.Retract, type, key, value, pick));

    public static readonly Gen<TestCase> Cases =
        Gen.Select(GenRule.Array[1, 4], GenOperation.Array[1, 40]).Select((rules, ops) => new TestCase(rules, ops));

    /// <summary>Applies the operations to one session per engine; after every step each rule's
    /// matches must equal the naive evaluation. (Their order is not compared: the matches one change
    /// makes come in the order each engine walks its memories.)</summary>
    public static void Run(TestCase testCase, params (string Name, Func<IEnumerable<RuleDefinition>, ISessionFactory> Compile)[] engines)
    {
        var definitions = testCase.Rules.Select((spec, i) => spec.ToDefinition("r" + i)).ToArray();
        var sessions = engines.Select(e => e.Compile(definitions).CreateSession()).ToArray();
        var memory = new List<object>();
        var ids = new Dictionary<object, int>(ReferenceEqualityComparer.Instance);
        foreach (var (op, step) in testCase.Operations.Select((o, i) => (o, i)))
        {
            Apply(op, sessions, memory, ids);
            for (var r = 0; r < definitions.Length; r++)
            {
                var expected = Naive.Matches(testCase.Rules[r], memory).Select(m => Signature(m, ids)).Order().ToArray();
                for (var s = 0; s < sessions.Length; s++)
                {
                    var listed = sessions[s].Activations("r" + r).Select(a => Signature(a.Match.Facts, ids)).ToArray();
                    if (!expected.SequenceEqual(listed.Order()))
                    {
                        throw new Exception(
                            $"Engine {engines[s].Name}: rule r{r} [{testCase.Rules[r]}] differs after step {step} ({op}).\n" +
                            $"expected: {string.Join(" ", expected)}\nactual:   {string.Join(" ", listed.Order())}");
                    }
                }
            }

            if (step % 7 == 6)
            {
                foreach (var session in sessions)
                {
                    session.Fire(); // firing must not change matches: the actions here do nothing
                }
            }
        }
    }

    private static void Apply(Operation op, ISession[] sessions, List<object> memory, Dictionary<object, int> ids)
    {
        if (op.Kind == OpKind.Insert || memory.Count == 0)
        {
            object fact = op.Type switch { 0 => new A(0, op.Key, op.Value), 1 => new B(0, op.Key, op.Value), _ => new C(0, op.Key, op.Value) };
            ids[fact] = ids.Count;
            memory.Add(fact);
            Array.ForEach(sessions, s => s.Insert(fact));
            return;
        }

        var target = memory[op.Pick % memory.Count];
        if (op.Kind == OpKind.Retract)
        {
            memory.Remove(target);
            Array.ForEach(sessions, s => s.Retract(target));
            return;
        }

        Fields.Set(target, op.Key, op.Value);
        Array.ForEach(sessions, s => s.Update(target));
    }

    private static string Signature(IReadOnlyList<object?> facts, Dictionary<object, int> ids) =>
        string.Join("|", facts.Select(f => f switch
        {
            null => "-",
            AggregateResult r => "n" + r.Count,
            CountOnly c => "n" + c.Count,
            _ => "#" + ids[f],
        }));

    /// <summary>What the naive evaluator binds to a count element: only the count is compared.</summary>
    private sealed record CountOnly(int Count);

    public enum ElementKind { Pattern, Not, Exists, Count }

    public enum JoinKind { None, KeyEquals, ValueLess }

    public enum OpKind { Insert, Update, Retract }

    public sealed record Operation(OpKind Kind, int Type, int Key, int Value, int Pick);

    public sealed record TestCase(RuleSpec[] Rules, Operation[] Operations)
    {
        public override string ToString() =>
            string.Join("; ", Rules.Select((r, i) => $"r{i}: {r}")) + " || " + string.Join(", ", Operations.Select(o => o.ToString()));
    }

    public sealed record ElementSpec(ElementKind Kind, int Type, int? AlphaValue, int JoinTo, JoinKind Join, int CountMin)
    {
        public Type FactType => FactTypes[Type];
    }

    public sealed record RuleSpec(ElementSpec[] Elements)
    {
        /// <summary>The earlier pattern element this element joins to, if any.</summary>
        public int? JoinTarget(int index)
        {
            var e = Elements[index];
            if (e.Join == JoinKind.None || index == 0)
            {
                return null;
            }

            var target = e.JoinTo % index;
            return Elements[target].Kind == ElementKind.Pattern ? target : null;
        }

        public override string ToString() => string.Join(", ", Elements.Select((e, i) =>
            $"{e.Kind}{(e.Kind == ElementKind.Count ? ">=" + e.CountMin : "")} {e.FactType.Name}" +
            (e.AlphaValue is { } v ? $"(Value=={v})" : "") +
            (JoinTarget(i) is { } t ? $"[{e.Join} e{t}]" : "")));

        public RuleDefinition ToDefinition(string name)
        {
            var elements = new List<RuleElement>();
            for (var i = 0; i < Elements.Length; i++)
            {
                var e = Elements[i];
                var own = Expression.Parameter(e.FactType, "e" + i);
                var conditions = new List<LambdaExpression>();
                if (e.AlphaValue is { } value)
                {
                    conditions.Add(Expression.Lambda(Expression.Equal(Expression.Property(own, "Value"), Expression.Constant(value)), own));
                }

                if (JoinTarget(i) is { } target)
                {
                    var other = Expression.Parameter(Elements[target].FactType, "e" + target);
                    var body = e.Join == JoinKind.KeyEquals
                        ? Expression.Equal(Expression.Property(own, "Key"), Expression.Property(other, "Key"))
                        : Expression.LessThan(Expression.Property(own, "Value"), Expression.Property(other, "Value"));
                    conditions.Add(Expression.Lambda(body, own, other));
                }

                var pattern = new PatternElement(new Declaration("e" + i, e.FactType), conditions);
                elements.Add(e.Kind switch
                {
                    ElementKind.Pattern => pattern,
                    ElementKind.Not => new NotElement(pattern with { Declaration = new Declaration("n" + i, e.FactType) }),
                    ElementKind.Exists => new ExistsElement(pattern with { Declaration = new Declaration("x" + i, e.FactType) }),
                    _ => CountElement(i, e, pattern),
                });
            }

            return new RuleDefinition(name, 0, elements, []);
        }

        private static AggregateElement CountElement(int i, ElementSpec e, PatternElement pattern)
        {
            var result = Expression.Parameter(typeof(AggregateResult), "e" + i);
            var atLeast = Expression.Lambda(
                Expression.GreaterThanOrEqual(Expression.Property(result, "Count"), Expression.Constant(e.CountMin)), result);
            return new AggregateElement(new Declaration("e" + i, typeof(AggregateResult)),
                pattern with { Declaration = new Declaration("s" + i, e.FactType) }, AggregateKind.Count, null, [atLeast]);
        }
    }

    /// <summary>The oracle: nested loops over working memory, straight from the rule spec.</summary>
    private static class Naive
    {
        public static IEnumerable<object?[]> Matches(RuleSpec rule, List<object> memory) =>
            Extend(rule, memory, 0, new object?[rule.Elements.Length]);

        private static IEnumerable<object?[]> Extend(RuleSpec rule, List<object> memory, int index, object?[] bound)
        {
            if (index == rule.Elements.Length)
            {
                yield return (object?[])bound.Clone();
                yield break;
            }

            var e = rule.Elements[index];
            var candidates = memory.Where(f => f.GetType() == e.FactType && Satisfies(rule, index, f, bound)).ToList();
            switch (e.Kind)
            {
                case ElementKind.Pattern:
                    foreach (var fact in candidates)
                    {
                        bound[index] = fact;
                        foreach (var match in Extend(rule, memory, index + 1, bound))
                        {
                            yield return match;
                        }
                    }

                    break;
                case ElementKind.Not when candidates.Count == 0:
                case ElementKind.Exists when candidates.Count > 0:
                    bound[index] = null;
                    foreach (var match in Extend(rule, memory, index + 1, bound))
                    {
                        yield return match;
                    }

                    break;
                case ElementKind.Count when candidates.Count >= e.CountMin:
                    bound[index] = new CountOnly(candidates.Count);
                    foreach (var match in Extend(rule, memory, index + 1, bound))
                    {
                        yield return match;
                    }

                    break;
            }

            bound[index] = null;
        }

        private static bool Satisfies(RuleSpec rule, int index, object fact, object?[] bound)
        {
            var e = rule.Elements[index];
            if (e.AlphaValue is { } v && Fields.Value(fact) != v)
            {
                return false;
            }

            if (rule.JoinTarget(index) is not { } target)
            {
                return true;
            }

            var other = bound[target]!;
            return e.Join == JoinKind.KeyEquals ? Fields.Key(fact) == Fields.Key(other) : Fields.Value(fact) < Fields.Value(other);
        }

    }

    private static class Fields
    {
        public static int Key(object f) => f switch { A a => a.Key, B b => b.Key, C c => c.Key, _ => throw new ArgumentException() };

        public static int Value(object f) => f switch { A a => a.Value, B b => b.Value, C c => c.Value, _ => throw new ArgumentException() };

        public static void Set(object f, int key, int value)
        {
            switch (f)
            {
                case A a: a.Key = key; a.Value = value; break;
                case B b: b.Key = key; b.Value = value; break;
                case C c: c.Key = key; c.Value = value; break;
            }
        }
    }
}
