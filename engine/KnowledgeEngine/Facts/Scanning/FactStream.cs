using System.Collections;

namespace KnowledgeEngine.Facts;

/// <summary>The facts of one scan, produced lazily; enumerate once. The summary fills as it is read.</summary>
public sealed class FactStream : IEnumerable<Fact>
{
    private readonly Bundle _bundle;
    private readonly ScanPlan _plan;
    private readonly int _parallelism;
    private int _started;

    internal FactStream(Bundle bundle, ScanPlan plan, int parallelism)
    {
        _bundle = bundle;
        _plan = plan;
        _parallelism = parallelism;
        Summary = new ScanSummary(bundle.Metadata, plan, bundle.Diagnostics);
    }

    public ScanSummary Summary { get; }

    /// <summary>Called on the reading thread each time the next fact is not ready yet while the scan goes on (a big
    /// file's workers are still searching it): the reader may use the wait for work of its own.</summary>
    internal Action? Waiting { get; set; }

    public IEnumerator<Fact> GetEnumerator()
    {
        if (Interlocked.Exchange(ref _started, 1) != 0)
        {
            throw new InvalidOperationException("A fact stream is read once; call Bundle.Scan again for a second pass.");
        }

        return new Scanning.BundleScanner(_bundle, _plan, _parallelism, Summary, Waiting).Run().GetEnumerator();
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
