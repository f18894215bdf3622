using KnowledgeEngine.Facts;
using KnowledgeEngine.Rules;

namespace KnowledgeEngine.Diagnosis;

/// <summary>Ranks the causes the rules found, confirmed and suspected together: confidence from the
/// cause's prior raised by each evidence item found and lowered by each against item found and, for a
/// suspected cause, by each when condition that did not hold; ordered by rank score (a suspected cause
/// ranks as if <see cref="SuspectedRankPenalty"/> lower), ties broken by status, severity, then by how
/// many conditions held.
/// docs/output.md ("How causes are ranked") is the reference.</summary>
public static class Diagnoser
{
    /// <summary>Hypotheses closer than this are reported as competing.</summary>
    public const double CompetingMargin = 0.15;

    /// <summary>A suspected cause outranks a confirmed one only when its confidence is higher by more than this.</summary>
    public const double SuspectedRankPenalty = 0.15;

    /// <summary>How much a when condition whose source was never collected lowers a suspected cause:
    /// the claim is unconfirmed, not contradicted.</summary>
    public const double UncollectedWeight = 0.25;

    /// <summary>How much a when condition whose source was collected without the fact lowers a suspected cause.</summary>
    public const double AbsentWeight = 0.6;

    /// <param name="onFact">Sees each fact as the scan yields it, for a progress display; it runs
    /// on the thread that runs the rules, so it should be quick.</param>
    public static DiagnosisResult Diagnose(RuleSet rules, Bundle bundle, Action<Fact>? onFact = null)
    {
        // One pass: the same session finds confirmed and suspected causes and the near misses.
        var stream = bundle.Scan(rules.ScanPlan);
        var run = rules.RunWithNearMisses(stream, onFact);
        var meta = bundle.Metadata;
        // The summary holds what opening the bundle noted and what reading each file noted (a line cut,
        // a damaged document repaired): every warning of the facts layer reaches every report format.
        var warnings = stream.Summary.Diagnostics.Where(d => d.Severity != DiagnosticSeverity.Info)
            .Concat(run.Warnings).DistinctBy(d => d.ToString(), StringComparer.Ordinal).ToList();
        return Rank(run, bundle.Name, meta.Platform, meta.Hosts, meta.CollectedAt, warnings) with
        {
            NotConfirmed = run.NearMisses,
        };
    }

    public static DiagnosisResult Rank(RuleRun run, string bundle, string? platform, IReadOnlyList<string> hosts,
        DateTimeOffset? collectedAt, IReadOnlyList<Diagnostic> warnings)
    {
        var causes = Merge(run.Fired.Concat(run.Suspected).Select(Evaluate)).ToList();
        causes.Sort(Compare);
        // Every loaded rule names a cause (KB004), so no match is a bare symptom; the list stays for
        // the v2 report shape until the report model is reworked.
        return new DiagnosisResult(bundle, platform, hosts, collectedAt, causes, [], Distinguish(causes), warnings)
        {
            DerivedBy = run.DerivedBy,
        };
    }

    /// <summary>Matches of one rule with the same captured values are one cause seen through
    /// several facts (a host in both host-list.json and host-show.json): keep the most confident,
    /// with the evidence of all.</summary>
    private static IEnumerable<Hypothesis> Merge(IEnumerable<Hypothesis> hypotheses) =>
        hypotheses.GroupBy(DiagnosisDiff.Key, StringComparer.Ordinal).Select(g =>
        {
            var best = g.OrderBy(h => h.Status).ThenByDescending(h => h.Confidence).First();
            return best with
            {
                Evidence = g.SelectMany(h => h.Evidence).DistinctBy(e => (e.Role, e.Location, e.Text)).ToList(),
                Repeats = g.Sum(h => h.Repeats),
                FirstSeen = g.Min(h => h.FirstSeen),
                LastSeen = g.Max(h => h.LastSeen),
            };
        });

    public static Hypothesis Evaluate(FiredRule fired)
    {
        var prior = fired.Rule.Prior;
        var unmet = fired.Unmet.Select(u => (u.SourceCollected ? $"collected, not found: {u.Description}"
            : $"not collected: {u.Description}", u.SourceCollected ? AbsentWeight : UncollectedWeight));
        var (confidence, steps) = Confidence.Combine(prior,
            fired.Evidence.Where(e => e.Found).Select(e => (Describe(e), e.Weight)),
            unmet.Concat(fired.Against.Where(a => a.Found).Select(a => (Describe(a), a.Weight))));
        // The bundle's own metadata, joined implicitly for absent conditions and bundle.* reads, proves nothing.
        var evidence = fired.Facts.Where(f => f.Fact is not BundleFact && (!f.Name.StartsWith('_') || f.Location is not null))
            .Select(f => EvidenceQuoter.QuoteWhen(f, fired.Rule))
            .Concat(fired.Evidence.Where(e => e.Found).SelectMany(e => e.Facts.Select(f => EvidenceQuoter.Quote("evidence", f, e.Item))))
            .Concat(fired.Against.Where(a => a.Found).SelectMany(a => a.Facts.Select(f => EvidenceQuoter.Quote("against", f, a.Item))))
            .ToList();
        var missing = fired.Evidence.Where(e => !e.Found).Select(e => new MissingEvidence(Describe(e), e.Weight, e.Collect)).ToList();
        var logs = fired.When.SelectMany(w => w.Facts).Select(f => f.Fact).OfType<LogFact>().ToList();
        return new Hypothesis(fired, confidence, steps, evidence, missing)
        {
            Repeats = logs.Count == 0 ? 1 : logs.Max(l => l.Repeats),
            FirstSeen = logs.Min(l => l.Timestamp),
            LastSeen = logs.Max(l => l.LastTimestamp),
        };
    }

    /// <summary>Best first: rank score, then confirmed before suspected, then severity, then
    /// conditions matched, then id (for a stable order).</summary>
    public static int Compare(Hypothesis x, Hypothesis y)
    {
        var c = y.RankScore.CompareTo(x.RankScore);
        if (c == 0)
        {
            c = x.Status.CompareTo(y.Status);
        }

        if (c == 0)
        {
            c = y.Severity.CompareTo(x.Severity);
        }

        if (c == 0)
        {
            c = y.MatchedConditions.CompareTo(x.MatchedConditions);
        }

        return c != 0 ? c : string.CompareOrdinal(x.RuleId, y.RuleId);
    }

    private static IReadOnlyList<Distinction> Distinguish(IReadOnlyList<Hypothesis> ranked)
    {
        var result = new List<Distinction>();
        for (var i = 0; i < ranked.Count; i++)
        {
            for (var j = i + 1; j < ranked.Count && ranked[i].RankScore - ranked[j].RankScore <= CompetingMargin; j++)
            {
                if (ranked[i].RuleId == ranked[j].RuleId)
                {
                    continue;
                }

                var decisive = ranked[i].ToConfirm.Concat(ranked[j].ToConfirm).Concat(ranked[i].Missing).Concat(ranked[j].Missing)
                    .Where(m => m.Collect is not null).DistinctBy(m => m.Collect).ToList();
                result.Add(new Distinction(ranked[i].RuleId, ranked[j].RuleId, decisive));
            }
        }

        return result;
    }

    private static string Describe(ItemResult item) => item.Item.Description;
}
