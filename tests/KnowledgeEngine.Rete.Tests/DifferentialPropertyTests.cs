using System.Linq.Expressions;
using CsCheck;

namespace KnowledgeEngine.Rete.Tests;

/// <summary>
/// Random rule sets (joins, not, exists, count) and random insert/update/retract sequences: after
/// every step, each rule's matches in the engine must equal what a naive nested-loop evaluator
/// computes from the facts in working memory.
///
/// How it catches a planted bug (try it, then revert): in engine/KnowledgeEngine.Rete/Network/
/// QuantifierNode.cs, RetractByFact, replace `if (after == 0)` by `if (after == 1)`; or in
/// JoinNode.RightActivate drop the `if (Matches(tuple, fact))` guard. Either way this test fails
/// within a few hundred samples and CsCheck prints a shrunk rule set and operation sequence.
/// </summary>
public class DifferentialPropertyTests
{
    private static readonly Type[] FactTypes = [typeof(A), typeof(B), typeof(C)];

    [Fact]
    public void Engine_matches_equal_naive_evaluation_after_every_operation()
    {
        GenCase.Sample(testCase => Run(testCase), iter: 400, seed: null);
    }

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

    private static readonly Gen<TestCase> GenCase =
        Gen.Select(GenRule.Array[1, 4], GenOperation.Array[1, 40]).Select((rules, ops) => new TestCase(rules, ops));

    private static void Run(TestCase testCase)
    {
        var definitions = testCase.Rules.Select((spec, i) => spec.ToDefinition("r" + i)).ToArray();
        var session = RuleCompiler.Compile(definitions).CreateSession();
        var memory = new List<object>();
        var ids = new Dictionary<object, int>(ReferenceEqualityComparer.Instance);
        foreach (var (op, step) in testCase.Operations.Select((o, i) => (o, i)))
        {
            Apply(op, session, memory, ids);
            for (var r = 0; r < definitions.Length; r++)
            {
                var expected = Naive.Matches(testCase.Rules[r], memory).Select(m => Signature(m, ids)).Order().ToArray();
                var actual = session.Activations("r" + r).Select(a => Signature(a.Match.Facts, ids)).Order().ToArray();
                if (!expected.SequenceEqual(actual))
                {
                    throw new Exception(
                        $"Rule r{r} [{testCase.Rules[r]}] differs after step {step} ({op}).\n" +
                        $"expected: {string.Join(" ", expected)}\nactual:   {string.Join(" ", actual)}");
                }
            }

            if (step % 7 == 6)
            {
                session.Fire(); // firing must not change matches: the actions here do nothing
            }
        }
    }

    private static void Apply(Operation op, ISession session, List<object> memory, Dictionary<object, int> ids)
    {
        if (op.Kind == OpKind.Insert || memory.Count == 0)
        {
            object fact = op.Type switch { 0 => new A(0, op.Key, op.Value), 1 => new B(0, op.Key, op.Value), _ => new C(0, op.Key, op.Value) };
            ids[fact] = ids.Count;
            memory.Add(fact);
            session.Insert(fact);
            return;
        }

        var target = memory[op.Pick % memory.Count];
        if (op.Kind == OpKind.Retract)
        {
            memory.Remove(target);
            session.Retract(target);
            return;
        }

        Fields.Set(target, op.Key, op.Value);
        session.Update(target);
    }

    private static string Signature(IReadOnlyList<object?> facts, Dictionary<object, int> ids) =>
        string.Join("|", facts.Select(f => f switch
        {
            null => "-",
            AggregateResult r => "n" + r.Count,
            _ => "#" + ids[f],
        }));

    private enum ElementKind { Pattern, Not, Exists, Count }

    private enum JoinKind { None, KeyEquals, ValueLess }

    private enum OpKind { Insert, Update, Retract }

    private sealed record Operation(OpKind Kind, int Type, int Key, int Value, int Pick);

    private sealed record TestCase(RuleSpec[] Rules, Operation[] Operations)
    {
        public override string ToString() =>
            string.Join("; ", Rules.Select((r, i) => $"r{i}: {r}")) + " || " + string.Join(", ", Operations.Select(o => o.ToString()));
    }

    private sealed record ElementSpec(ElementKind Kind, int Type, int? AlphaValue, int JoinTo, JoinKind Join, int CountMin)
    {
        public Type FactType => FactTypes[Type];
    }

    private sealed record RuleSpec(ElementSpec[] Elements)
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
                        yield return match.Select(m => m is CountOnly c ? (object)CountResult(c.Count) : m).ToArray();
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

        private static AggregateResult CountResult(int count) => new(new object[count], null, null);

        private sealed record CountOnly(int Count);
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
