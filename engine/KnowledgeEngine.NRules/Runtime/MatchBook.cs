using KnowledgeEngine.NRules.Translation;
using KnowledgeEngine.Rete.Runtime;
using NRulesMatch = NRules.RuleModel.IMatch;

namespace KnowledgeEngine.NRules.Runtime;

/// <summary>
/// Turns NRules' activation events into our activations: each NRules match becomes one of ours
/// with a sequence number, on our agenda, listed per rule; a withdrawn match takes its support
/// from the logical facts it inserted. Matches NRules makes during one call into it are held until
/// the call returns and then taken in the order our network would make them (see <see cref="TakeMade"/>).
/// </summary>
internal sealed class MatchBook(IReadOnlyDictionary<string, RuleShape> shapes, SessionEvents events)
{
    private readonly Dictionary<string, Dictionary<NRulesMatch, Activation>> _byRule =
        shapes.Keys.ToDictionary(name => name, _ => new Dictionary<NRulesMatch, Activation>(ReferenceEqualityComparer.Instance), StringComparer.Ordinal);
    private readonly List<NRulesMatch> _made = [];
    private readonly HashSet<NRulesMatch> _pending = new(ReferenceEqualityComparer.Instance);
    /// <summary>When each fact last entered NRules: our network keeps its memories in that order.</summary>
    private readonly Dictionary<object, long> _entered = new(ReferenceEqualityComparer.Instance);
    private long _entries;
    private long _sequence;

    /// <summary>Our engine's agenda: the same conflict resolution (salience, then the most recent match).</summary>
    public Agenda Agenda { get; } = new();

    /// <summary>Logical facts whose last supporting match went; the session retracts them when it settles.</summary>
    public Queue<Fact> Unsupported { get; } = new();

    public IReadOnlyList<Activation> Activations(string ruleName) =>
        _byRule.TryGetValue(ruleName, out var activations)
            ? activations.Values.ToArray()
            : throw new KeyNotFoundException($"No rule named '{ruleName}' in this session's rule set.");

    public void Entering(object fact) => _entered[fact] = ++_entries;

    public void Left(object fact) => _entered.Remove(fact);

    public void Made(NRulesMatch match)
    {
        if (_pending.Add(match))
        {
            _made.Add(match);
        }
    }

    /// <summary>NRules updates a match in place when an aggregate result changes; our engine
    /// withdraws the match and makes a new one, which fires again.</summary>
    public void Updated(NRulesMatch match)
    {
        if (_pending.Contains(match))
        {
            return; // made in this call: it becomes ours with its final facts
        }

        Deleted(match);
        Create(match);
    }

    public void Deleted(NRulesMatch match)
    {
        if (_pending.Remove(match))
        {
            return;
        }

        if (!_byRule[match.Rule.Name].Remove(match, out var activation))
        {
            return;
        }

        activation.Delete(Agenda, events, Unsupported);
    }

    /// <summary>Makes ours of the matches NRules made in one call. NRules and our network walk
    /// their memories in different orders, so several matches made by one change are taken in
    /// the order our network makes them in the common case: by when their facts entered, element
    /// by element (NRules' order breaks ties).</summary>
    public void TakeMade()
    {
        if (_made.Count == 0)
        {
            return;
        }

        var made = _made.Where(_pending.Contains).Select((m, i) => (Match: m, Key: EntryKey(m), Index: i)).ToList();
        _made.Clear();
        _pending.Clear();
        made.Sort((x, y) =>
        {
            for (var i = 0; i < Math.Min(x.Key.Length, y.Key.Length); i++)
            {
                var c = x.Key[i].CompareTo(y.Key[i]);
                if (c != 0)
                {
                    return c;
                }
            }

            return x.Index.CompareTo(y.Index);
        });
        foreach (var (match, _, _) in made)
        {
            Create(match);
        }
    }

    private long[] EntryKey(NRulesMatch match) =>
        shapes[match.Rule.Name].MatchOf(match).Facts.Select(f => f is not null && _entered.TryGetValue(f, out var at) ? at : 0).ToArray();

    private void Create(NRulesMatch match)
    {
        var shape = shapes[match.Rule.Name];
        var activation = new Activation(shape.Rule, shape.MatchOf(match), ++_sequence);
        _byRule[shape.Rule.Name][match] = activation;
        Agenda.Add(activation);
        events.RaiseActivationCreated(activation);
    }
}
