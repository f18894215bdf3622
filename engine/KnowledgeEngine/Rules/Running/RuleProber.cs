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
    private readonly Lazy<(ISessionFactory Factory, IReadOnlyList<(CompiledRule Rule, int Element, RuleDefinition Probe)> Probes)> _nearMissNetwork;

    public RuleProber(IReadOnlyList<CompiledRule> compiled)
    {
        _rules = compiled;
        _nearMissNetwork = new(BuildNearMissNetwork);
    }

    public RuleProbe Why(CompiledRule target, IReadOnlyList<object> facts)
    {
        var elements = target.Cause.Elements;
        var probes = Enumerable.Range(1, elements.Count)
            .Select(k => new RuleDefinition($"{target.Cause.Name}#why{k}", 0, elements.Take(k).ToArray(), []))
            .ToList();
        var session = Run(Compile(probes), facts);
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

        var offset = elements.Count - target.Model.When.Count; // an implicit bundle element may come first
        var heldConditions = Math.Max(0, held - offset);
        var missing = held < elements.Count ? target.Model.When[Math.Max(0, held - offset)] : null;
        return new RuleProbe(target.Model, missing is null, heldConditions, missing, deepest is null ? [] : Bound(deepest));
    }

    public IReadOnlyList<NearMiss> NearMisses(IReadOnlyList<object> facts, IReadOnlySet<string> fired)
    {
        var (factory, probes) = _nearMissNetwork.Value;
        if (probes.Count == 0)
        {
            return [];
        }

        var session = Run(factory, facts);
        return probes
            .Where(p => !fired.Contains(p.Rule.Cause.Name))
            .Select(p => (p, Activations: session.Activations(p.Probe.Name)))
            .Where(x => x.Activations.Count > 0)
            .GroupBy(x => x.p.Rule.Cause.Name)
            .Select(g => g.First())
            .Select(x => new NearMiss(x.p.Rule.Model,
                x.p.Rule.Model.When[x.p.Element - (x.p.Rule.Cause.Elements.Count - x.p.Rule.Model.When.Count)],
                Bound(x.Activations[0].Match)))
            .ToList();
    }

    /// <summary>The leave-one-out probes of every rule, compiled once with the real rules: each
    /// diagnosis (two for kb diff) reuses the network and only runs a session over it; which
    /// rules fired is applied when reading the results.</summary>
    private (ISessionFactory Factory, IReadOnlyList<(CompiledRule Rule, int Element, RuleDefinition Probe)> Probes) BuildNearMissNetwork()
    {
        var probes = new List<(CompiledRule Rule, int Element, RuleDefinition Probe)>();
        foreach (var rule in _rules.Where(r => r.Model.When.Count >= 2))
        {
            var elements = rule.Cause.Elements;
            var offset = elements.Count - rule.Model.When.Count;
            for (var i = offset; i < elements.Count; i++)
            {
                if (!IsReferencedLater(elements, i))
                {
                    var rest = elements.Where((_, j) => j != i).ToArray();
                    probes.Add((rule, i, new RuleDefinition($"{rule.Cause.Name}#without{i}", 0, rest, [])));
                }
            }
        }

        return (Compile(probes.Select(p => p.Probe)), probes);
    }

    private ISessionFactory Compile(IEnumerable<RuleDefinition> probes) =>
        RuleCompiler.Compile(_rules.SelectMany(r => r.Definitions).Concat(probes));

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
