using KnowledgeEngine.Facts;
using KnowledgeEngine.Rules.Compilation;
using KnowledgeEngine.Rules.Model;

namespace KnowledgeEngine.Rules.Running;

/// <summary>
/// The rules a bundle's facts can bring into a report: confirmed (every when condition holds), suspected
/// (every signature holds) or a near miss (all when conditions but one hold). A condition can hold only
/// when a fact of its kind is there: a record the scan matched to its literal or regex, a resource of its
/// kind, a config value, a file, a fact a rule that can fire derives; an <c>absent</c> condition always can.
/// A rule that cannot reach any of the three is left out of the diagnosis network, which is otherwise most
/// of a small diagnosis: building it for the 144 built-in rules and their probes took 380-450 ms of the
/// README example's 1.1 s. The check is conservative (kinds, not values), so the report is the same.
/// </summary>
internal sealed class RuleRelevance
{
    private readonly HashSet<string> _matchedPatterns = new(StringComparer.Ordinal);
    private readonly HashSet<string> _resourceKinds = new(StringComparer.Ordinal);
    private readonly Dictionary<(bool IsRegex, string Text), string> _patternIds;
    /// <summary>Log facts that name no matched pattern (made by a caller, not the scanner, or kept by a plan
    /// that keeps every record): their text is tested against each condition's literal or regex instead.</summary>
    private readonly List<LogFact> _unannotated = [];
    private readonly Dictionary<(bool IsRegex, string Text), bool> _textHolds = [];
    private bool _anyLog;
    private bool _anyResource;
    private bool _anyConfig;
    private bool _anyFile;

    internal RuleRelevance(ScanPlan plan)
    {
        _patternIds = plan.Patterns.GroupBy(p => (p.IsRegex, p.Text)).ToDictionary(g => g.Key, g => g.First().Id);
    }

    /// <summary>Takes more of the bundle's facts into account. A rule chosen before stays chosen: each fact can only
    /// make more conditions able to hold (<see cref="CanHold"/>), which is what lets a diagnosis compile the rules
    /// chosen so far while the scan goes on. Returns whether the facts changed what can hold: a crash loop's thousands of
    /// repeats mostly do not, and the choice need not be made again for them.</summary>
    internal bool Add(IEnumerable<object> facts)
    {
        var before = State;
        foreach (var fact in facts)
        {
            switch (fact)
            {
                case LogFact log:
                    _anyLog = true;
                    _matchedPatterns.UnionWith(log.Matched);
                    if (log.Matched.Count == 0)
                    {
                        _unannotated.Add(log);
                        // A text test that found nothing may find it in this record.
                        _textHolds.Clear();
                    }

                    break;
                case ResourceFact resource:
                    _anyResource = true;
                    _resourceKinds.Add(resource.ResourceKind);
                    break;
                case ConfigFact:
                    _anyConfig = true;
                    break;
                case FileFact:
                    _anyFile = true;
                    break;
            }
        }

        return State != before;
    }

    /// <summary>What <see cref="CanHold"/> reads, in sizes: each part only grows.</summary>
    private (int, int, int, bool, bool, bool, bool) State =>
        (_matchedPatterns.Count, _resourceKinds.Count, _unannotated.Count, _anyLog, _anyResource, _anyConfig, _anyFile);

    /// <summary>The rules, in their order, that the facts can bring into a report.</summary>
    /// <param name="codeFacts">The facts code rules derive: any bundle may hold what they read, so they count as derivable.</param>
    public static List<RuleEntry> Select(IReadOnlyList<RuleEntry> rules, ScanPlan plan, IEnumerable<object> facts, IEnumerable<string> codeFacts)
    {
        var relevance = new RuleRelevance(plan);
        relevance.Add(facts);
        return relevance.Select(rules, codeFacts);
    }

    /// <summary>The rules, in their order, that the facts added so far can bring into a report.</summary>
    internal List<RuleEntry> Select(IReadOnlyList<RuleEntry> rules, IEnumerable<string> codeFacts)
    {
        var derivable = new HashSet<string>(codeFacts, StringComparer.Ordinal);
        var chosen = new HashSet<RuleEntry>();
        // Derived facts open further rules; each round adds rules or stops, so it ends.
        for (var changed = true; changed;)
        {
            changed = false;
            foreach (var rule in rules.Where(r => !chosen.Contains(r) && CanReport(r, derivable)))
            {
                chosen.Add(rule);
                changed = true;
                if (rule.Derives is { } name)
                {
                    derivable.Add(name);
                }
            }
        }

        return rules.Where(chosen.Contains).ToList();
    }

    /// <summary>Read from the model, so that a rule not yet compiled (<see cref="RuleEntry"/>) stays so when it cannot report.</summary>
    private bool CanReport(RuleEntry rule, IReadOnlySet<string> derivable)
    {
        var when = rule.Model.When;
        var possible = when.Count(c => CanHold(c, derivable));
        var signatures = when.Where(c => c.IsSignature).ToList();
        return possible >= when.Count - 1 || (signatures.Count > 0 && signatures.All(c => CanHold(c, derivable)));
    }

    private bool CanHold(ConditionModel condition, IReadOnlySet<string> derivable)
    {
        if (condition.Absent?.Value == true)
        {
            return true;
        }

        return condition.Kind.Value switch
        {
            FactKind.Log => ScanPlanCollector.PatternOf(condition) is not { } pattern
                ? _anyLog
                : (_patternIds.TryGetValue(pattern, out var id) && _matchedPatterns.Contains(id)) || InText(pattern),
            FactKind.Resource => condition.Property("kind") is { } kind ? _resourceKinds.Contains(kind.Value) : _anyResource,
            FactKind.Config => _anyConfig,
            FactKind.File => _anyFile,
            FactKind.Fact => condition.Property("name") is { } name && derivable.Contains(name.Value),
            _ => true,
        };
    }

    private bool InText((bool IsRegex, string Text) pattern)
    {
        if (_unannotated.Count == 0)
        {
            return false;
        }

        if (!_textHolds.TryGetValue(pattern, out var holds))
        {
            var regex = pattern.IsRegex ? LazyRegex.Get(pattern.Text) : null;
            _textHolds[pattern] = holds = _unannotated.Any(f => regex?.IsMatch(f.Text) ?? f.Text.Contains(pattern.Text, StringComparison.Ordinal));
        }

        return holds;
    }
}
