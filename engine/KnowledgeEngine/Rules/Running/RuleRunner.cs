using KnowledgeEngine.Rete;
using KnowledgeEngine.Rules.Compilation;
using KnowledgeEngine.Rules.Model;

namespace KnowledgeEngine.Rules.Running;

/// <summary>Runs one session over a fact stream and reads back, per cause rule, its confirmed
/// matches (with the evidence and against items that hold for the same match), its suspected
/// matches, and, when the network holds them, the near-miss probes: the facts are consumed once.</summary>
internal sealed class RuleRunner(ISessionFactory factory, IReadOnlyList<CompiledRule> rules,
    IReadOnlyDictionary<string, List<IReadOnlyList<ConditionModel>>> derivers, RuleProber? prober = null)
{
    /// <summary>How many rounds of deriving from suspected matches a run does at most.</summary>
    private const int MaxSuspectedRounds = 4;

    private readonly Dictionary<string, CompiledRule> _byId = rules.ToDictionary(r => r.Rule.Id, StringComparer.Ordinal);

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
        Fire(session, warnings);
        var (fired, suspected) = Read(session, collected);
        // A symptom rule's suspected match derives its fact too, marked with what did not hold, so the
        // cause rules chained on it are read as suspected rather than silenced. Each round can only
        // add facts built on the last round's, so the rounds end; the cap guards a chain of symptoms.
        for (var round = 0; round < MaxSuspectedRounds && DeriveSuspected(session, suspected, derivedBy) > 0; round++)
        {
            Fire(session, warnings);
            (fired, suspected) = Read(session, collected);
        }

        var inheriting = fired.Where(f => Inherited(f).Any()).ToList();
        fired.RemoveAll(inheriting.Contains);
        suspected = [.. suspected.Select(Inherit), .. inheriting.Select(Inherit)];

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

    private void Fire(ISession session, List<Diagnostic> warnings)
    {
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
    }

    private (List<FiredRule> Fired, List<FiredRule> Suspected) Read(ISession session, CollectedSources collected)
    {
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

        return (fired, suspected);
    }

    /// <summary>Inserts the fact each suspected match of a deriving rule would derive, unless an
    /// equal fact is already there (a confirmed one wins); returns how many were new.</summary>
    private int DeriveSuspected(ISession session, List<FiredRule> suspected, Dictionary<DerivedFact, List<string>> derivedBy)
    {
        var added = 0;
        foreach (var match in suspected)
        {
            if (_byId.GetValueOrDefault(match.Id)?.Derive is not { } derive)
            {
                continue;
            }

            var unmet = match.Unmet.Select(u => u.Via is null ? u with { Via = match.Id } : u).Concat(Inherited(match)).Distinct().ToList();
            var fact = derive.Suspected(match.Values, unmet);
            if (session.TryInsert(fact))
            {
                derivedBy[fact] = [match.Id];
                added++;
            }
        }

        return added;
    }

    /// <summary>The unmet conditions of the suspected derived facts a match bound.</summary>
    private static IEnumerable<UnmetCondition> Inherited(FiredRule match) =>
        match.Facts.Select(f => f.Fact).OfType<DerivedFact>().SelectMany(d => d.Unmet);

    private static FiredRule Inherit(FiredRule match)
    {
        var inherited = Inherited(match).Where(u => !match.Unmet.Contains(u)).Distinct().ToList();
        return inherited.Count == 0 ? match : match with
        {
            Status = CauseStatus.Suspected,
            Unmet = [.. match.Unmet, .. inherited],
        };
    }

    /// <summary>For each derived fact name, the when conditions of each rule that derives it; built
    /// once per rule set, not per run, from the models (so no rule is compiled for it).</summary>
    public static Dictionary<string, List<IReadOnlyList<ConditionModel>>> Derivers(IReadOnlyList<RuleEntry> rules)
    {
        var derivers = new Dictionary<string, List<IReadOnlyList<ConditionModel>>>(StringComparer.Ordinal);
        foreach (var rule in rules)
        {
            if (rule.Derives is { } name)
            {
                if (!derivers.TryGetValue(name, out var list))
                {
                    derivers[name] = list = [];
                }

                list.Add(rule.Model.When);
            }
        }

        return derivers;
    }
}
