namespace KnowledgeEngine.Facts;

/// <summary>What a scan recognised and produced; complete once the fact stream has been read to its end.</summary>
public sealed class ScanSummary
{
    private readonly object _gate = new();
    private readonly Dictionary<string, int> _formats = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _factsByKind = new(StringComparer.Ordinal);
    private readonly List<Diagnostic> _diagnostics = [];
    private readonly long[] _patternCounts;
    private readonly IReadOnlyList<ScanPattern> _patterns;

    internal ScanSummary(BundleFact bundle, ScanPlan plan, IEnumerable<Diagnostic> bundleDiagnostics)
    {
        Bundle = bundle;
        _patterns = plan.Patterns;
        _patternCounts = new long[plan.Patterns.Count];
        _diagnostics.AddRange(bundleDiagnostics);
    }

    public BundleFact Bundle { get; }

    public int Files { get; internal set; }
    public int BinaryFiles { get; internal set; }
    public long LogLines { get; private set; }
    public long TextChars { get; private set; }

    /// <summary>Log facts that stand for several identical records (<see cref="LogFact.Repeats"/> &gt; 1).</summary>
    public long RepeatedFacts { get; private set; }

    /// <summary>Records folded into an earlier identical one: kept records minus the log facts they became.</summary>
    public long CollapsedRecords { get; private set; }
    public TimeSpan Elapsed { get; internal set; }
    public bool Completed { get; internal set; }

    /// <summary>Files per detected log format (and "resource"/"config" documents), e.g. "cri+klog" → 3.</summary>
    public IReadOnlyDictionary<string, int> Formats
    {
        get { lock (_gate)
            {
                return new Dictionary<string, int>(_formats);
            }
        }
    }

    public IReadOnlyDictionary<string, long> FactsByKind
    {
        get { lock (_gate)
            {
                return new Dictionary<string, long>(_factsByKind);
            }
        }
    }

    /// <summary>Records matched per pattern id: the input of count aggregates in rules.</summary>
    public IReadOnlyDictionary<string, long> PatternCounts
    {
        get { lock (_gate)
            {
                return _patterns.Select((p, i) => (p.Id, _patternCounts[i])).ToDictionary(x => x.Id, x => x.Item2);
            }
        }
    }

    public IReadOnlyList<Diagnostic> Diagnostics
    {
        get { lock (_gate)
            {
                return _diagnostics.ToList();
            }
        }
    }

    internal void AddFormat(string format)
    {
        lock (_gate)
        {
            _formats[format] = _formats.GetValueOrDefault(format) + 1;
        }
    }

    internal void CountFacts(string kind, int count)
    {
        lock (_gate)
        {
            _factsByKind[kind] = _factsByKind.GetValueOrDefault(kind) + count;
        }
    }

    internal void AddDiagnostic(Diagnostic diagnostic)
    {
        lock (_gate)
        {
            _diagnostics.Add(diagnostic);
        }
    }

    internal void AddLogStats(Scanning.LogScanStats stats)
    {
        lock (_gate)
        {
            LogLines += stats.Lines;
            TextChars += stats.Chars;
            RepeatedFacts += stats.RepeatedFacts;
            CollapsedRecords += stats.CollapsedRecords;
            for (var i = 0; i < _patternCounts.Length; i++)
            {
                _patternCounts[i] += stats.PatternCounts[i];
            }
        }
    }
}
