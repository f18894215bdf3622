namespace KnowledgeEngine.Facts;

/// <summary>One log record: a line, or several when the format continues a record (stack traces, CRI partials).</summary>
public sealed record LogFact : Fact
{
    private static readonly IReadOnlyDictionary<string, string> NoFields = new Dictionary<string, string>();

    public override string Kind => "log";

    /// <summary>The <see cref="Format"/> of a text value found inside a resource or config rather than in a log:
    /// only <c>anywhere: true</c> log conditions see such facts; <see cref="Component"/> is the value's path.</summary>
    public const string ValueFormat = "value";

    /// <summary>Same as <see cref="Fact.Line"/>: the first line of the record.</summary>
    public int LineNumber => Line;

    /// <summary>The whole record as written (ANSI colour codes removed), continuation lines joined with '\n'.</summary>
    public required string Text { get; init; }

    /// <summary>The message once the envelopes (syslog, CRI, timestamps) and the body's own header are peeled off.</summary>
    public required string Message { get; init; }

    /// <summary>trace, debug, info, warning, error, fatal — or null when the format carries no level.</summary>
    public string? Level { get; init; }

    /// <summary>The emitting program or logger: syslog tag, klog file, log4j category, journal unit.</summary>
    public string? Component { get; init; }

    public string? Host { get; init; }

    /// <summary>The platform of the bundle the record was read from, when the loaded rules have rules for it
    /// (<see cref="ScanPlan.PlatformOf"/>); null for a loose log, a sosreport or a bundle of any other platform. A log
    /// condition without a <c>source</c> reads only records of its own rule's platform or of none (docs/rule-language.md).</summary>
    public string? BundlePlatform { get; init; }

    public DateTimeOffset? Timestamp { get; init; }

    /// <summary>The detected format, envelopes first, e.g. "syslog3164+logfmt" or "cri+klog".</summary>
    public required string Format { get; init; }

    /// <summary>Structured fields of logfmt/JSON bodies and journal entries.</summary>
    public IReadOnlyDictionary<string, string> Fields { get; init; } = NoFields;

    /// <summary>The namespace of the pod whose container log this is, read from the collector's path
    /// (see docs/facts.md); null for other files.</summary>
    public string? SourceNamespace => Logs.PodLogPath.Of(Source)?.Namespace;

    /// <summary>The pod whose container log this is, e.g. default-host-x9k2p; null for other files.</summary>
    public string? SourcePod => Logs.PodLogPath.Of(Source)?.Pod;

    /// <summary>The container whose log this is, e.g. host; null for other files.</summary>
    public string? SourceContainer => Logs.PodLogPath.Of(Source)?.Container;

    /// <summary>Ids of the scan-plan patterns this record matched; empty in keep-all mode without patterns.</summary>
    public IReadOnlyList<string> Matched { get; init; } = [];

    /// <summary>How many records of the file this fact stands for: a crash loop writes the same record thousands
    /// of times, and the scan keeps the first (its line, text and time) with this count (docs/facts.md, "Repeats").</summary>
    public int Repeats { get; init; } = 1;

    /// <summary>Timestamp of the last repeat that had one; the fact's own timestamp when it does not repeat.</summary>
    public DateTimeOffset? LastTimestamp
    {
        get => Repeats > 1 ? _lastTimestamp : Timestamp;
        init => _lastTimestamp = value;
    }

    /// <summary>Line of the last repeat; the fact's own line when it does not repeat.</summary>
    public int LastLine
    {
        get => Repeats > 1 ? _lastLine : Line;
        init => _lastLine = value;
    }

    private readonly DateTimeOffset? _lastTimestamp;
    private readonly int _lastLine;
}
