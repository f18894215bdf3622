using System.Diagnostics;

namespace KnowledgeEngine;

/// <summary>
/// The phases of a diagnosis as <see cref="Activity"/> spans of one <see cref="ActivitySource"/>, so that a
/// listener (kb's <c>KB_TIMINGS=1</c>, or any OpenTelemetry exporter) can time them without a profiler, whose
/// sampling suspends the runtime every millisecond and doubled the compile phase's apparent cost in a trace.
/// Without a listener, starting a span costs one check.
/// </summary>
public static class EngineActivities
{
    /// <summary>The name of the source the spans come from.</summary>
    public const string SourceName = "KnowledgeEngine";

    /// <summary>Reading the bundle's facts: the scan, until the last fact is in and the rules compiled ahead meanwhile
    /// (<see cref="CompileAhead"/>) are done.</summary>
    public const string Scan = "scan";

    /// <summary>Compiling the rules a diagnosis needs; the tag <c>rules</c> counts those compiled by this span.</summary>
    public const string Compile = "compile";

    /// <summary>Compiling, while the scan still runs, the rules its facts so far already need; the tag <c>rules</c>
    /// counts them. It overlaps <see cref="Scan"/>, on another thread.</summary>
    public const string CompileAhead = "compile ahead";

    /// <summary>Building the network of the rules a diagnosis needs (once per set of rules in a process).</summary>
    public const string Network = "network";

    /// <summary>Running the rules and the near-miss probes over the facts.</summary>
    public const string Run = "run";

    private static readonly ActivitySource Source = new(SourceName);

    /// <summary>A started span, or null when nothing listens.</summary>
    internal static Activity? Start(string phase) => Source.StartActivity(phase);
}
