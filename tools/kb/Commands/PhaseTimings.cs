using System.Diagnostics;

namespace KnowledgeEngine.Cli.Commands;

/// <summary>Wall time of each phase of a command, printed to standard error when KB_TIMINGS=1: how the
/// load-time and scan figures of docs/benchmarks.md are read from the published tool itself. The engine's
/// own spans (<see cref="EngineActivities"/>: compile ahead, scan, compile, network, run) are listed after the phases, in
/// the order they end.</summary>
internal sealed class PhaseTimings : IDisposable
{
    private readonly Stopwatch _watch = Stopwatch.StartNew();
    private readonly List<(string Phase, long Milliseconds)> _phases = [];
    private readonly List<string> _spans = [];
    private readonly ActivityListener _listener;
    private long _last;

    private PhaseTimings()
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == EngineActivities.SourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData,
            ActivityStopped = Record,
        };
        ActivitySource.AddActivityListener(_listener);
    }

    /// <summary>Timings when the environment asks for them, else null.</summary>
    public static PhaseTimings? FromEnvironment() =>
        Environment.GetEnvironmentVariable("KB_TIMINGS") == "1" ? new PhaseTimings() : null;

    /// <summary>Ends the phase that ran since the last mark.</summary>
    public void Mark(string phase)
    {
        var now = _watch.ElapsedMilliseconds;
        _phases.Add((phase, now - _last));
        _last = now;
    }

    public void Print(string command, TextWriter error)
    {
        var line = $"kb {command}: " + string.Join(", ", _phases.Select(p => $"{p.Phase} {p.Milliseconds} ms")) +
                   $" (process {(long)(DateTime.Now - Process.GetCurrentProcess().StartTime).TotalMilliseconds} ms)";
        lock (_spans)
        {
            error.WriteLine(_spans.Count == 0 ? line : $"{line}; engine: {string.Join(", ", _spans)}");
        }
    }

    public void Dispose() => _listener.Dispose();

    private void Record(Activity span)
    {
        var rules = span.GetTagItem("rules") is { } count ? $" {count} rules" : "";
        lock (_spans)
        {
            _spans.Add($"{span.OperationName}{rules} {span.Duration.TotalMilliseconds:0} ms");
        }
    }
}
