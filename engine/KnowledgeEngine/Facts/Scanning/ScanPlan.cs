using KnowledgeEngine.Rete.Text;

namespace KnowledgeEngine.Facts;

/// <summary>
/// What the scanner looks for. Built once from the rules; immutable and shared by the parallel file scans.
/// Only records that contain a pattern become log facts; <see cref="KeepAll"/> keeps every record.
/// </summary>
public sealed class ScanPlan
{
    private readonly LazyRegex?[] _regexes;

    internal ScanPlan(IReadOnlyList<ScanPattern> patterns, bool keepAll, bool collapseRepeats, bool scansValues = false)
    {
        Patterns = patterns;
        ScansValues = scansValues;
        KeepsAllRecords = keepAll;
        CollapsesRepeats = collapseRepeats;
        CountedIds = patterns.Where(p => p.Counted).Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
        _regexes = patterns.Select(p => p.IsRegex ? LazyRegex.Get(p.Text) : null).ToArray();

        var byLiteral = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var i = 0; i < patterns.Count; i++)
        {
            var literals = patterns[i].IsRegex ? patterns[i].Prefilter : [patterns[i].Text];
            if (literals.Count == 0)
                NeedsEveryRecord = true;
            foreach (var literal in literals)
            {
                if (!byLiteral.TryGetValue(literal, out var owners))
                    byLiteral[literal] = owners = [];
                owners.Add(i);
            }
        }
        Literals = byLiteral.Keys.ToArray();
        LiteralOwners = byLiteral.Values.Select(o => o.ToArray()).ToArray();
        Prefilter = Literals.Length > 0 ? new LiteralSearcher(Literals) : null;
    }

    /// <summary>A plan that keeps every record, repeats included: what "kb facts --json" shows.</summary>
    public static ScanPlan KeepAll { get; } = new([], keepAll: true, collapseRepeats: false);

    public static ScanPlanBuilder CreateBuilder() => new();

    public IReadOnlyList<ScanPattern> Patterns { get; }

    public bool KeepsAllRecords { get; }

    /// <summary>Text values inside resources and configs that contain a pattern also become log facts of
    /// format <see cref="LogFact.ValueFormat"/>, for the rules' <c>anywhere: true</c> log conditions
    /// (docs/facts.md, "Text anywhere"). Off unless a rule asks: the values cost nothing then.</summary>
    public bool ScansValues { get; }

    /// <summary>
    /// Identical records of one file become one log fact with a repeat count (see docs/facts.md, "Repeats"):
    /// a crash loop writes the same lines thousands of times, and every join between two of its patterns
    /// would otherwise pair every repeat with every other. False for <see cref="KeepAll"/>.
    /// </summary>
    public bool CollapsesRepeats { get; }

    /// <summary>Ids of the patterns that serve count conditions; a record matching one is never collapsed.</summary>
    internal IReadOnlySet<string> CountedIds { get; }

    /// <summary>Some regex has no literal to prefilter on, so every record must be tried.</summary>
    internal bool NeedsEveryRecord { get; }

    internal string[] Literals { get; }

    /// <summary>For each literal, the patterns it serves (several rules may share one literal).</summary>
    internal int[][] LiteralOwners { get; }

    /// <summary>Finds the literals; its literal indices are those of <see cref="Literals"/>.</summary>
    internal LiteralSearcher? Prefilter { get; }

    internal LazyRegex? RegexOf(int pattern) => _regexes[pattern];
}
