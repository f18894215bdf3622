using KnowledgeEngine.Rete;
using KnowledgeEngine.Rules.Compilation;

namespace KnowledgeEngine.Rules.Running;

/// <summary>
/// Reads a rule's suspected matches back from a session: each match of its signatures that no
/// confirmed match covers (the same signature facts), with the other when conditions it lacks,
/// each marked collected or not, and the evidence and against items found on top of the signatures.
/// </summary>
internal sealed class SuspectReader(SuspectPlan plan, CollectedSources collected)
{
    public IEnumerable<FiredRule> Read(ISession session, IEnumerable<Match> confirmed, MatchDescriber describer)
    {
        var covered = new HashSet<FactKey>(confirmed.Select(KeyOf));
        var checks = ItemIndex.Build(plan.Checks, session, plan.PrefixLength);
        var evidence = ItemIndex.Build(plan.Evidence, session, plan.PrefixLength);
        var against = ItemIndex.Build(plan.Against, session, plan.PrefixLength);
        foreach (var activation in session.Activations(plan.Definition.Name))
        {
            var match = activation.Match;
            if (covered.Contains(KeyOf(match)))
            {
                continue;
            }

            var key = new MatchPrefix(match, plan.PrefixLength);
            var sources = new List<Match> { match };
            var held = checks.Results(key, sources);
            var states = held.Where(h => !h.Found).Select(h => (h.Item, State: collected.State(h.Item))).ToList();
            if (states.Any(s => s.State == UnmetState.Contradicted))
            {
                continue;
            }

            var unmet = states.Select(s => new UnmetCondition(s.Item, s.State == UnmetState.Absent)).ToList();
            if (unmet.Count == 0)
            {
                // Each condition held on its own, but not for the same facts: the joins between them decide.
                unmet = held.Where(h => h.Item.HasJoin).Select(h => new UnmetCondition(h.Item, SourceCollected: true)).ToList();
            }

            var facts = MatchDescriber.Facts(match);
            facts.AddRange(held.Where(h => h.Found).SelectMany(h => h.Facts));
            yield return describer.Describe(match, facts, sources, evidence.Results(key, sources), against.Results(key, sources), unmet) with
            {
                DroppedJoins = plan.DroppedJoins,
            };
        }
    }

    private FactKey KeyOf(Match match) => new(plan.SignatureNames.Select(n => match[n]).ToArray());

    /// <summary>The signature facts of a match, compared by identity; an aggregate's result by the facts it holds, since
    /// the suspect rule's count and the cause's are made by different nodes (the NRules back end shares one node, and
    /// the comparison of both engines' reports found that a node without a machine was counted twice).</summary>
    private sealed class FactKey(object?[] facts) : IEquatable<FactKey>
    {
        public bool Equals(FactKey? other) =>
            other is not null && facts.Length == other.Facts.Length && facts.Zip(other.Facts).All(p => Same(p.First, p.Second));

        public override bool Equals(object? obj) => Equals(obj as FactKey);

        public override int GetHashCode()
        {
            var hash = new HashCode();
            foreach (var fact in facts)
            {
                if (fact is AggregateResult result)
                {
                    foreach (var item in result.Items)
                    {
                        hash.Add(System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(item));
                    }
                    continue;
                }
                hash.Add(System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(fact));
            }

            return hash.ToHashCode();
        }

        private object?[] Facts => facts;

        private static bool Same(object? x, object? y) =>
            ReferenceEquals(x, y)
            || (x is AggregateResult a && y is AggregateResult b && a.Count == b.Count && a.Items.Zip(b.Items).All(p => ReferenceEquals(p.First, p.Second)));
    }
}
