using System.Diagnostics;

namespace KnowledgeEngine.Cli.Commands;

/// <summary>Wall time of each phase of a command, printed to standard error when KB_TIMINGS=1: how the
/// load-time and scan figures of docs/benchmarks.md are read from the published tool itself.</summary>
internal sealed class PhaseTimings
{
    private readonly Stopwatch _watch = Stopwatch.StartNew();
    private readonly List<(string Phase, long Milliseconds)> _phases = [];
    private long _last;

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

    public void Print(string command, TextWriter error) =>
        error.WriteLine($"kb {command}: " + string.Join(", ", _phases.Select(p => $"{p.Phase} {p.Milliseconds} ms")) +
                        $" (process {(long)(DateTime.Now - Process.GetCurrentProcess().StartTime).TotalMilliseconds} ms)");
}
