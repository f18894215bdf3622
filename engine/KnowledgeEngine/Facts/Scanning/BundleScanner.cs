using System.Collections.Concurrent;
using System.Diagnostics;
using KnowledgeEngine.Facts.Bundles;
using KnowledgeEngine.Facts.Layouts;

namespace KnowledgeEngine.Facts.Scanning;

/// <summary>
/// Reads every file of a bundle with a pool of workers and hands the facts back in inventory order.
/// Each file has its own small bounded queue; workers take files in order, so the queue being drained
/// always belongs to a running worker and memory stays bounded by workers × queue size.
/// </summary>
internal sealed class BundleScanner(Bundle bundle, ScanPlan plan, int parallelism, ScanSummary summary)
{
    private const int QueueCapacity = 4096;

    public IEnumerable<Fact> Run()
    {
        var clock = Stopwatch.StartNew();
        var entries = bundle.Entries;
        summary.Files = entries.Count;
        summary.BinaryFiles = entries.Count(e => e.IsBinary);
        yield return Counted(bundle.Metadata);
        foreach (var file in bundle.Files)
            yield return Counted(file);

        var queues = new ConcurrentDictionary<int, BlockingCollection<Fact>>();
        BlockingCollection<Fact> QueueOf(int index) => queues.GetOrAdd(index, _ => new BlockingCollection<Fact>(QueueCapacity));
        using var cancel = new CancellationTokenSource();
        var next = -1;
        var reader = new FileReader(bundle, plan, summary);
        var workers = Enumerable.Range(0, Math.Min(parallelism, Math.Max(1, entries.Count))).Select(_ => Task.Run(() =>
        {
            int index;
            while ((index = Interlocked.Increment(ref next)) < entries.Count && !cancel.IsCancellationRequested)
            {
                var queue = QueueOf(index);
                try
                {
                    reader.Read(entries[index], fact => queue.Add(fact, cancel.Token));
                }
                catch (OperationCanceledException)
                {
                    return;
                }
                finally
                {
                    queue.CompleteAdding();
                }
            }
        })).ToArray();
        try
        {
            for (var index = 0; index < entries.Count; index++)
            {
                var queue = QueueOf(index);
                foreach (var fact in queue.GetConsumingEnumerable())
                    yield return Counted(fact);
                queues.TryRemove(index, out _);
                queue.Dispose();
            }
            Task.WaitAll(workers);
            summary.Completed = true;
        }
        finally
        {
            cancel.Cancel();
            summary.Elapsed = clock.Elapsed;
        }
    }

    private Fact Counted(Fact fact)
    {
        summary.CountFact(fact.Kind);
        return fact;
    }
}
