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
            var evidence = Index(rule.Evidence, session, rule.PrefixLength);
            var against = Index(rule.Against, session, rule.PrefixLength);
            var names = new MatchValues.Names([.. rule.Values.Keys]);
            var readers = rule.Values.Values.ToArray();
            foreach (var activation in session.Activations(rule.Cause.Name))
            {
                fired.Add(Describe(rule, activation.Match, evidence, against, names, readers));
            }
        }

        var derived = session.Query<DerivedFact>().ToList();
        return new RuleRun(fired, derived)
        {
            DerivedBy = derived.Where(derivedBy.ContainsKey).ToDictionary(d => d, d => (IReadOnlyList<string>)derivedBy[d].Distinct().ToList()),
        };
    }

    /// <summary>Each evidence or against rule's matches grouped by the cause facts they extend, so that
    /// describing a fired rule looks its items up instead of walking every item match (with every
    /// line of a bundle firing, that walk was quadratic).</summary>
    private static List<(ItemRule Item, Dictionary<MatchPrefix, List<Match>> ByPrefix)> Index(
        IReadOnlyList<ItemRule> items, ISession session, int prefixLength)
    {
        var indexed = new List<(ItemRule, Dictionary<MatchPrefix, List<Match>>)>(items.Count);
        foreach (var item in items)
        {
            var byPrefix = new Dictionary<MatchPrefix, List<Match>>();
            foreach (var activation in session.Activations(item.Definition.Name))
            {
                var key = new MatchPrefix(activation.Match, prefixLength);
                if (!byPrefix.TryGetValue(key, out var matches))
                {
                    byPrefix[key] = matches = [];
                }

                matches.Add(activation.Match);
            }

            indexed.Add((item, byPrefix));
        }

        return indexed;
    }

    private static FiredRule Describe(CompiledRule rule, Match match,
        List<(ItemRule Item, Dictionary<MatchPrefix, List<Match>> ByPrefix)> evidence, List<(ItemRule Item, Dictionary<MatchPrefix, List<Match>> ByPrefix)> against,
        MatchValues.Names names, ValueReader[] readers)
    {
        // Loops rather than LINQ: this runs once per fired rule, and every line of a bundle may fire one.
        var key = new MatchPrefix(match, rule.PrefixLength);
        var sources = new List<Match> { match };
        var evidenceResults = Items(evidence, key, sources);
        var againstResults = Items(against, key, sources);
        var texts = new string?[readers.Length];
        for (var i = 0; i < readers.Length; i++)
        {
            foreach (var source in sources)
            {
                if (readers[i].Read(source) is { } value)
                {
                    texts[i] = value;
                    break;
                }
            }
        }

        var values = new MatchValues(names, texts);

        Func<string, string> valueOf = path => values.GetValueOrDefault(path)!;
        return new FiredRule(rule.Model, Facts(match, match.Declarations.Count, null), values, evidenceResults, againstResults,
            Render(rule.Model.Fix, valueOf), Render(rule.Model.Verify, valueOf))
        {
            Summary = rule.Model.Cause?.SummaryTemplate is { } summary ? Templates.Render(summary.Value, valueOf) : null,
            Detail = rule.Model.Cause?.DetailTemplate is { } detail ? Templates.Render(detail.Value, valueOf) : null,
        };
    }

    /// <summary>Each item's result for the cause match; the item matches found are added to <paramref name="sources"/>.</summary>
    private static List<ItemResult> Items(List<(ItemRule Item, Dictionary<MatchPrefix, List<Match>> ByPrefix)> items, MatchPrefix key, List<Match> sources)
    {
        var results = new List<ItemResult>(items.Count);
        foreach (var (item, byPrefix) in items)
        {
            if (!byPrefix.TryGetValue(key, out var found))
            {
                results.Add(new ItemResult(item.Item, false, []));
                continue;
            }

            var facts = new List<MatchedFact>();
            foreach (var itemMatch in found)
            {
                facts.AddRange(Facts(itemMatch, itemMatch.Declarations.Count, item.Declaration));
                sources.Add(itemMatch);
            }

            results.Add(new ItemResult(item.Item, true, facts));
        }

        return results;
    }

    private static List<string> Render(IReadOnlyList<Model.Located<Model.Template>> templates, Func<string, string> valueOf)
    {
        var rendered = new List<string>(templates.Count);
        foreach (var template in templates)
        {
            rendered.Add(Templates.Render(template.Value, valueOf));
        }

        return rendered;
    }

    /// <summary>The bound facts (only those of <paramref name="only"/> when given); a count contributes
    /// each fact it counted.</summary>
    private static List<MatchedFact> Facts(Match match, int count, string? only)
    {
        var facts = new List<MatchedFact>();
        for (var i = 0; i < count; i++)
        {
            var name = match.Declarations[i].Name;
            if (only is not null && name != only)
            {
                continue;
            }

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
