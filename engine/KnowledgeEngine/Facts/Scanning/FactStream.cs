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

    public IEnumerator<Fact> GetEnumerator()
    {
        if (Interlocked.Exchange(ref _started, 1) != 0)
        {
            throw new InvalidOperationException("A fact stream is read once; call Bundle.Scan again for a second pass.");
        }

        return new Scanning.BundleScanner(_bundle, _plan, _parallelism, Summary).Run().GetEnumerator();
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
