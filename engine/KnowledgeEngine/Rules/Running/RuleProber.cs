using KnowledgeEngine.Rete;
using KnowledgeEngine.Rules.Compilation;

namespace KnowledgeEngine.Rules.Running;

/// <summary>
/// Answers "why not" questions by compiling, next to the real rules, probe rules made of parts
/// of a rule's required elements: each prefix (which condition is the first to find no fact) and
/// each leave-one-out variant (which rules miss exactly one condition). Probes have no actions
/// and share the real rules' nodes, so they cost little beyond their own joins.
/// </summary>
internal sealed class RuleProber
{
    private readonly IReadOnlyList<CompiledRule> _rules;
    private readonly Func<IEnumerable<RuleDefinition>, ISessionFactory> _engine;

    public RuleProber(IReadOnlyList<CompiledRule> compiled, Func<IEnumerable<RuleDefinition>, ISessionFactory>? engine = null)
    {
        _rules = compiled;
        _engine = engine ?? RuleCompiler.Compile;
        Probes = BuildNearMissProbes();
    }

    /// <summary>The leave-one-out probes of every rule with two or more when conditions: compiled
    /// into the diagnosis network, so a diagnosis reads them from the session that found the causes.</summary>
    public IReadOnlyList<(CompiledRule Rule, LoadedCondition Left, RuleDefinition Probe)> Probes { get; }

    public RuleProbe Why(CompiledRule target, IReadOnlyList<object> facts)
    {
        var elements = target.Cause.Elements;
        var probes = Enumerable.Range(1, elements.Count)
            .Select(k => new RuleDefinition($"{target.Cause.Name}#why{k}", 0, elements.Take(k).ToArray(), []))
            .ToList();
        var session = Run(_engine(_rules.SelectMany(r => r.Definitions).Concat(probes)), facts);
        var held = 0;
        Match? deepest = null;
        for (var k = 1; k <= elements.Count; k++)
        {
            var activations = session.Activations(probes[k - 1].Name);
            if (activations.Count == 0)
            {
                break;
            }

            held = k;
            deepest = activations[0].Match;
        }

        // The first condition whose element lies beyond the elements that held (an implicit bundle element may come first).
        var missing = target.When.FirstOrDefault(c => c.Position >= held);
        var heldConditions = target.When.Count(c => c.Position < held);
        var bound = deepest is null ? [] : Bound(deepest);
        return new RuleProbe(target.Rule, missing is null, heldConditions, missing, bound)
        {
            MatchedBy = target.When.Select(c => (IReadOnlyList<MatchedFact>)bound.Where(m => m.Name == c.Name).ToList()).ToList(),
        };
    }

    /// <summary>The rules not in <paramref name="shown"/> whose leave-one-out probe fired in the session.</summary>
    public IReadOnlyList<NearMiss> NearMisses(ISession session, IReadOnlySet<string> shown) =>
        Probes
            .Where(p => !shown.Contains(p.Rule.Cause.Name))
            .Select(p => (p, Activations: session.Activations(p.Probe.Name)))
            .Where(x => x.Activations.Count > 0)
            .GroupBy(x => x.p.Rule.Cause.Name)
            .Select(g => g.First())
            .Select(x => new NearMiss(x.p.Rule.Rule, x.p.Left, Bound(x.Activations[0].Match)))
            .ToList();

    private List<(CompiledRule Rule, LoadedCondition Left, RuleDefinition Probe)> BuildNearMissProbes()
    {
        var probes = new List<(CompiledRule, LoadedCondition, RuleDefinition)>();
        foreach (var rule in _rules.Where(r => r.When.Count >= 2))
        {
            var elements = rule.Cause.Elements;
            foreach (var condition in rule.When.Where(c => !IsReferencedLater(elements, c.Position)))
            {
                var rest = elements.Where((_, j) => j != condition.Position).ToArray();
                probes.Add((rule, condition, new RuleDefinition($"{rule.Cause.Name}#without{condition.Position}", 0, rest, [])));
            }
        }

        return probes;
    }

    private static ISession Run(ISessionFactory factory, IReadOnlyList<object> facts)
    {
        var session = factory.CreateSession(new SessionOptions { FactIdentity = FactIdentity.Instance });
        foreach (var fact in facts)
        {
            session.TryInsert(fact);
        }

        session.Fire();
        return session;
    }

    /// <summary>A later element that names element i's declaration in a condition depends on it,
    /// so element i cannot be left out on its own.</summary>
    private static bool IsReferencedLater(IReadOnlyList<RuleElement> elements, int index)
    {
        var name = Declared(elements[index]);
        if (name is null)
        {
            return false;
        }

        return elements.Skip(index + 1).SelectMany(Conditions).Any(c => c.Parameters.Any(p => p.Name == name));
    }

    private static string? Declared(RuleElement element) => element switch
    {
        PatternElement p => p.Declaration.Name,
        AggregateElement a => a.Result.Name,
        _ => null,
    };

    private static IEnumerable<System.Linq.Expressions.LambdaExpression> Conditions(RuleElement element) => element switch
    {
        PatternElement p => p.Conditions,
        NotElement n => n.Pattern.Conditions,
        ExistsElement e => e.Pattern.Conditions,
        AggregateElement a => a.Source.Conditions.Concat(a.ResultConditions),
        _ => [],
    };

    private static IReadOnlyList<MatchedFact> Bound(Match match) =>
        match.Facts.Select((f, i) => (f, i)).Where(x => x.f is not null and not AggregateResult and not Facts.BundleFact)
            .Select(x => new MatchedFact(match.Declarations[x.i].Name, x.f!)).ToList();
}
