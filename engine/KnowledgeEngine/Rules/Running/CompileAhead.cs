using KnowledgeEngine.Facts;
using KnowledgeEngine.Rules.Compilation;

namespace KnowledgeEngine.Rules.Running;

/// <summary>
/// Compiles, while a bundle is still being scanned, the rules its facts so far can bring into the report. The reader
/// of a scan mostly waits while a big log is searched, and a core is partly free then; once the scan ends, those rules
/// need no compiling. None is compiled in vain: a fact can only add rules to <see cref="RuleRelevance"/>'s choice,
/// never take one out, so each rule chosen early is chosen at the end too.
/// </summary>
internal sealed class CompileAhead(IReadOnlyList<RuleEntry> rules, ScanPlan plan, IEnumerable<string> codeFacts)
{
    private readonly RuleRelevance _relevance = new(plan);
    private readonly HashSet<RuleEntry> _started = [];
    private int _seen;
    private Task? _running;

    /// <summary>How many rules were compiled ahead, once <see cref="Finish"/> returned.</summary>
    public int Compiled { get; private set; }

    /// <summary>Called on the reading thread while it waits for the scan: takes in the facts read since the last call
    /// and starts compiling the rules they newly make relevant, unless the last such compile is still running.</summary>
    public void Update(IReadOnlyList<Fact> facts)
    {
        if (_running is { IsCompleted: false } || facts.Count == _seen)
        {
            return;
        }

        var changed = _relevance.Add(facts.Skip(_seen));
        _seen = facts.Count;
        if (!changed)
        {
            return;
        }

        var pending = _relevance.Select(rules, codeFacts).Where(r => !r.IsCompiled && _started.Add(r)).ToList();
        if (pending.Count == 0)
        {
            return;
        }

        Compiled += pending.Count;
        // One thread: the scan's workers are on the cores, and this only fills the part of one they leave.
        _running = Task.Run(() =>
        {
            using var span = EngineActivities.Start(EngineActivities.CompileAhead)?.SetTag("rules", pending.Count);
            foreach (var rule in pending)
            {
                _ = rule.Compiled;
            }
        });
    }

    /// <summary>Waits for a compile still running (a rule that failed to compile throws from the caller's own compile
    /// of it later, where it would have anyway).</summary>
    public void Finish()
    {
        try
        {
            _running?.Wait();
        }
        catch (AggregateException)
        {
            // Lazy keeps the exception: reading the rule's Compiled again rethrows it on the diagnosis's thread.
        }
    }
}
