using System.Runtime.InteropServices;

namespace KnowledgeEngine.Facts.Scanning;

/// <summary>
/// Collapses the repeated records of one file into one log fact each, with a repeat count and the line and time
/// of the last repeat. A crash loop writes the same pair of lines thousands of times; as separate facts, a join
/// between the two patterns paired every repeat with every other (1,000 repeats: 39 s and 3.8 GB, then a fire
/// limit). Records are the same when level, component, host, message, matched patterns and structured fields are:
/// the message is the record without envelope and timestamp, so the repeats of a loop agree on it and differ in
/// time only. Fields count because a JSON or klog structured record keeps its variable part there
/// (<c>"node lost" node="worker-3"</c>): one message for two nodes is two facts. Fields that vary between true
/// repeats (the time, a log4j thread or logid) are left out.
/// One dictionary lookup per kept record; memory follows the distinct records, not the repeats.
/// Records matching a counted pattern pass through at once: a count condition needs every record and its time.
/// </summary>
internal sealed class RepeatCollapser(ScanPlan plan, Action<LogFact> emit)
{
    /// <summary>Past this many distinct records the collected ones are written out, so a file of distinct lines
    /// (every one matched) holds no more than this in memory; a later repeat then starts a fact of its own.</summary>
    internal const int MaxDistinct = 65_536;

    private readonly Dictionary<LogFact, Group> _groups = new(RepeatKey.Instance);
    private readonly List<Group> _order = [];

    /// <summary>Records collapsed into an earlier one so far (kept records minus facts written).</summary>
    public long Collapsed { get; private set; }

    /// <summary>Facts written that stand for more than one record.</summary>
    public long RepeatedFacts { get; private set; }

    public void Add(LogFact fact)
    {
        if (!plan.CollapsesRepeats || IsCounted(fact))
        {
            emit(fact);
            return;
        }
        ref var group = ref CollectionsMarshal.GetValueRefOrAddDefault(_groups, fact, out var exists);
        if (!exists)
        {
            group = new Group(fact);
            _order.Add(group);
            if (_order.Count >= MaxDistinct)
            {
                Flush();
            }

            return;
        }
        group!.Count++;
        group.LastLine = fact.Line;
        group.LastTimestamp = fact.Timestamp ?? group.LastTimestamp;
        Collapsed++;
    }

    /// <summary>Writes the collected facts in order of first occurrence; called at the end of the file.</summary>
    public void Flush()
    {
        foreach (var group in _order)
        {
            if (group.Count == 1)
            {
                emit(group.First);
                continue;
            }
            RepeatedFacts++;
            emit(group.First with { Repeats = group.Count, LastLine = group.LastLine, LastTimestamp = group.LastTimestamp });
        }
        _order.Clear();
        _groups.Clear();
    }

    private bool IsCounted(LogFact fact)
    {
        if (plan.CountedIds.Count == 0)
        {
            return false;
        }

        foreach (var id in fact.Matched)
        {
            if (plan.CountedIds.Contains(id))
            {
                return true;
            }
        }
        return false;
    }

    private sealed class Group(LogFact first)
    {
        public LogFact First { get; } = first;
        public int Count { get; set; } = 1;
        public int LastLine { get; set; } = first.Line;
        public DateTimeOffset? LastTimestamp { get; set; } = first.Timestamp;
    }

    /// <summary>The identity of a record for collapsing. Source is left out: a collapser serves one file.</summary>
    private sealed class RepeatKey : IEqualityComparer<LogFact>
    {
        public static readonly RepeatKey Instance = new();

        public bool Equals(LogFact? x, LogFact? y) =>
            ReferenceEquals(x, y) || (x is not null && y is not null
                && string.Equals(x.Message, y.Message, StringComparison.Ordinal)
                && string.Equals(x.Level, y.Level, StringComparison.Ordinal)
                && string.Equals(x.Component, y.Component, StringComparison.Ordinal)
                && string.Equals(x.Host, y.Host, StringComparison.Ordinal)
                && x.Matched.SequenceEqual(y.Matched, StringComparer.Ordinal)
                && SameFields(x.Fields, y.Fields));

        private static bool SameFields(IReadOnlyDictionary<string, string> x, IReadOnlyDictionary<string, string> y)
        {
            if (ReferenceEquals(x, y) || (x.Count == 0 && y.Count == 0))
            {
                return true;
            }

            foreach (var (key, value) in x)
            {
                if (!Varies(key) && (!y.TryGetValue(key, out var other) || !string.Equals(value, other, StringComparison.Ordinal)))
                {
                    return false;
                }
            }
            foreach (var (key, _) in y)
            {
                if (!Varies(key) && !x.ContainsKey(key))
                {
                    return false;
                }
            }
            return true;
        }

        private static bool Varies(string key) =>
            key is "ts" or "time" or "timestamp" or "@timestamp" or "thread" or "logid"
            || key.EndsWith("TIMESTAMP", StringComparison.Ordinal);

        public int GetHashCode(LogFact fact) =>
            HashCode.Combine(StringComparer.Ordinal.GetHashCode(fact.Message), fact.Level, fact.Component, fact.Matched.Count);
    }
}
