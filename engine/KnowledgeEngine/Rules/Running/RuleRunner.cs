using KnowledgeEngine.Rete;
using KnowledgeEngine.Rules.Compilation;

namespace KnowledgeEngine.Rules.Running;

/// <summary>Runs one session over a fact stream and reads back, per cause rule, its confirmed
/// matches (with the evidence and against items that hold for the same match), its suspected
/// matches, and, when the network holds them, the near-miss probes: the facts are consumed once.</summary>
internal sealed class RuleRunner(ISessionFactory factory, IReadOnlyList<CompiledRule> rules,
    IReadOnlyDictionary<string, List<IReadOnlyList<LoadedCondition>>> derivers, RuleProber? prober = null)
{
    /// <summary>The session's fire limit; lowered by tests to reach the limit with a few facts.</summary>
    public int FireLimit { get; init; } = new SessionOptions().FireLimit;

    public RuleRun Run(IEnumerable<object> facts)
    {
        var session = factory.CreateSession(new SessionOptions { FactIdentity = FactIdentity.Instance, FireLimit = FireLimit });
        var derivedBy = new Dictionary<DerivedFact, List<string>>();
        session.Events.FactInserted += (_, e) =>
        {
            if (e.Fact is DerivedFact derived && e.Cause is { } cause)
            {
                if (!derivedBy.TryGetValue(derived, out var rules))
                {
                    derivedBy[derived] = rules = [];
                }

                rules.Add(cause.Rule.Name);
            }
        };
        var collected = new CollectedSources(derivers);
        foreach (var fact in facts)
        {
            collected.See(fact);
            session.TryInsert(fact);
        }

        var warnings = new List<Diagnostic>();
        try
        {
            session.Fire();
        }
        catch (RuleCycleException e)
        {
            // The matches are all in the network; only the derived facts past the limit are missing.
            var rule = e.MostFired.Select(m => m.Rule.Split('#')[0]).FirstOrDefault() ?? "?";
            var file = rules.FirstOrDefault(r => r.Rule.Id == rule)?.Rule.Location ?? rule;
            warnings.Add(new Diagnostic(RunCodes.FireLimit, DiagnosticSeverity.Warning, SourceSpan.OfFile(file),
                $"rule {rule} fired more than the session's limit ({string.Join(", ", e.MostFired.Select(m => $"{m.Rule}: {m.Count}"))}); " +
                "the facts it would derive after that were not inserted, so rules built on them may be missing",
                "make the rule derive one fact per thing it is about (a key in its where), not one per matching record"));
        }

        var fired = new List<FiredRule>();
        var suspected = new List<FiredRule>();
        foreach (var rule in rules)
        {
            var evidence = ItemIndex.Build(rule.Evidence, session, rule.PrefixLength);
            var against = ItemIndex.Build(rule.Against, session, rule.PrefixLength);
            var describer = new MatchDescriber(rule);
            var matches = session.Activations(rule.Cause.Name).Select(a => a.Match).ToList();
            foreach (var match in matches)
            {
                var key = new MatchPrefix(match, rule.PrefixLength);
                var sources = new List<Match> { match };
                fired.Add(describer.Describe(match, MatchDescriber.Facts(match), sources, evidence.Results(key, sources), against.Results(key, sources)));
            }

            if (rule.Suspect is { } plan)
            {
                suspected.AddRange(new SuspectReader(plan, collected).Read(session, matches, describer));
            }
        }

        var derived = session.Query<DerivedFact>().ToList();

        var shown = fired.Concat(suspected).Select(f => f.Id).ToHashSet(StringComparer.Ordinal);
        return new RuleRun(fired, derived)
        {
            Suspected = suspected,
            Warnings = warnings,
            NearMisses = prober?.NearMisses(session, shown) ?? [],
            DerivedBy = derived.Where(derivedBy.ContainsKey).ToDictionary(d => d, d => (IReadOnlyList<string>)derivedBy[d].Distinct().ToList()),
        };
    }

    /// <summary>For each derived fact name, the when conditions of each rule that derives it; built
    /// once per rule set, not per run.</summary>
    public static Dictionary<string, List<IReadOnlyList<LoadedCondition>>> Derivers(IReadOnlyList<CompiledRule> rules)
    {
        var derivers = new Dictionary<string, List<IReadOnlyList<LoadedCondition>>>(StringComparer.Ordinal);
        foreach (var rule in rules)
        {
            if (rule.Rule.Derives is { } name)
            {
                if (!derivers.TryGetValue(name, out var list))
                {
                    derivers[name] = list = [];
                }

                list.Add(rule.Rule.When);
            }
        }

        return derivers;
    }
}
