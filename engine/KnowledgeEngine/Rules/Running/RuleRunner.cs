using KnowledgeEngine.Rete;
using KnowledgeEngine.Rules.Compilation;

namespace KnowledgeEngine.Rules.Running;

/// <summary>Runs one session over a fact stream and reads back, per fired cause rule, its facts,
/// values and the evidence and against items that hold for the same match.</summary>
internal sealed class RuleRunner(ISessionFactory factory, IReadOnlyList<CompiledRule> rules)
{
    public RuleRun Run(IEnumerable<object> facts)
    {
        var session = factory.CreateSession(new SessionOptions { FactIdentity = FactIdentity.Instance });
        var derivedBy = new Dictionary<DerivedFact, List<string>>();
        session.Events.FactInserted += (_, e) =>
        {
            if (e.Fact is DerivedFact derived && e.Cause is { } cause)
            {
                if (!derivedBy.TryGetValue(derived, out var rules)) derivedBy[derived] = rules = [];
                rules.Add(cause.Rule.Name);
            }
        };
        foreach (var fact in facts)
        {
            session.TryInsert(fact);
        }

        session.Fire();
        var fired = new List<FiredRule>();
        foreach (var rule in rules)
        {
            var evidence = rule.Evidence.Select(e => (e, session.Activations(e.Definition.Name))).ToList();
            var against = rule.Against.Select(a => (a, session.Activations(a.Definition.Name))).ToList();
            foreach (var activation in session.Activations(rule.Cause.Name))
            {
                fired.Add(Describe(rule, activation.Match, evidence, against));
            }
        }

        var derived = session.Query<DerivedFact>().ToList();
        return new RuleRun(fired, derived)
        {
            DerivedBy = derived.Where(derivedBy.ContainsKey).ToDictionary(d => d, d => (IReadOnlyList<string>)derivedBy[d].Distinct().ToList()),
        };
    }

    private static FiredRule Describe(CompiledRule rule, Match match,
        List<(ItemRule Item, IReadOnlyList<Activation> Activations)> evidence, List<(ItemRule Item, IReadOnlyList<Activation> Activations)> against)
    {
        var evidenceResults = evidence.Select(e => Item(e.Item, e.Activations, match, rule.PrefixLength)).ToList();
        var againstResults = against.Select(a => Item(a.Item, a.Activations, match, rule.PrefixLength)).ToList();
        // Loops rather than LINQ: this runs once per fired rule, and every line of a bundle may fire one.
        var sources = new List<Match> { match };
        foreach (var (_, activations) in evidence.Concat(against))
        {
            foreach (var activation in activations)
            {
                if (SamePrefix(activation.Match, match, rule.PrefixLength))
                {
                    sources.Add(activation.Match);
                }
            }
        }

        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (path, reader) in rule.Values)
        {
            foreach (var source in sources)
            {
                if (reader.Read(source) is { } value)
                {
                    values[path] = value;
                    break;
                }
            }
        }

        Func<string, string> valueOf = path => values.GetValueOrDefault(path)!;
        return new FiredRule(rule.Model, Facts(match, match.Declarations.Count), values, evidenceResults, againstResults,
            rule.Model.Fix.Select(f => Templates.Render(f.Value, valueOf)).ToList(),
            rule.Model.Verify.Select(v => Templates.Render(v.Value, valueOf)).ToList());
    }

    private static ItemResult Item(ItemRule item, IReadOnlyList<Activation> activations, Match cause, int prefix)
    {
        var found = activations.Where(a => SamePrefix(a.Match, cause, prefix)).ToList();
        var facts = found.SelectMany(a => Facts(a.Match, a.Match.Declarations.Count).Where(f => f.Name == item.Declaration)).ToList();
        return new ItemResult(item.Item, found.Count > 0, facts);
    }

    private static bool SamePrefix(Match item, Match cause, int prefix)
    {
        for (var i = 0; i < prefix; i++)
        {
            if (!ReferenceEquals(item.Facts[i], cause.Facts[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The bound facts; a count contributes each fact it counted.</summary>
    private static List<MatchedFact> Facts(Match match, int count)
    {
        var facts = new List<MatchedFact>();
        for (var i = 0; i < count; i++)
        {
            var name = match.Declarations[i].Name;
            switch (match.Facts[i])
            {
                case AggregateResult aggregate:
                    facts.AddRange(aggregate.Items.Select(item => new MatchedFact(name, item)));
                    break;
                case { } fact:
                    facts.Add(new MatchedFact(name, fact));
                    break;
            }
        }

        return facts;
    }
}
