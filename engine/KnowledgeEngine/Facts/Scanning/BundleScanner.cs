using System.Collections.Concurrent;
using System.Diagnostics;
using KnowledgeEngine.Facts.Bundles;
using KnowledgeEngine.Facts.Layouts;

namespace KnowledgeEngine.Facts.Scanning;

/// <summary>
/// Reads every file of a bundle with a pool of workers and hands the facts back in inventory order.
/// Each file has its own small bounded queue; workers take files in order, so the queue being drained
/// always belongs to a running worker and memory stays bounded by workers × queue size.
/// Facts cross the queue in batches: a blocking hand-off per fact cost more than scanning and matching
/// the fact when most lines match (lock contention and a semaphore wait per fact).
/// </summary>
internal sealed class BundleScanner(Bundle bundle, ScanPlan plan, int parallelism, ScanSummary summary, Action? waiting = null)
{
    private const int BatchSize = 256;
    private const int QueueCapacity = 4096 / BatchSize;

    // Facts are counted in runs of one kind and published when the kind changes or the stream ends:
    // a locked dictionary update per fact cost as much as inserting the fact into the engine.
    private string? _runKind;
    private int _runCount;

    public IEnumerable<Fact> Run()
    {
        var clock = Stopwatch.StartNew();
        var entries = bundle.Entries;
        summary.Files = entries.Count;
        summary.BinaryFiles = entries.Count(e => e.IsBinary);
        yield return Counted(bundle.Metadata);
        foreach (var file in bundle.Files)
        {
            yield return Counted(file);
        }

        var queues = new ConcurrentDictionary<int, BlockingCollection<Fact[]>>();
        BlockingCollection<Fact[]> QueueOf(int index) => queues.GetOrAdd(index, _ => new BlockingCollection<Fact[]>(QueueCapacity));
        using var cancel = new CancellationTokenSource();
        var next = -1;
        var idle = new IdleWorkers();
        var reader = new FileReader(bundle, plan, summary, idle);
        var workers = Enumerable.Range(0, Math.Min(parallelism, Math.Max(1, entries.Count))).Select(_ => Task.Run(() =>
        {
            int index;
            while ((index = Interlocked.Increment(ref next)) < entries.Count && !cancel.IsCancellationRequested)
            {
                var queue = QueueOf(index);
                var batch = new List<Fact>(BatchSize);
                try
                {
                    reader.Read(entries[index], fact =>
                    {
                        batch.Add(fact);
                        if (batch.Count == BatchSize)
                        {
                            Flush(queue, batch, idle, cancel.Token);
                        }
                    });
                    Flush(queue, batch, idle, cancel.Token);
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

            idle.Add();
        })).ToArray();
        try
        {
            for (var index = 0; index < entries.Count; index++)
            {
                var queue = QueueOf(index);
                while (Take(queue) is { } batch)
                {
                    foreach (var fact in batch)
                    {
                        yield return Counted(fact);
                    }
                }
                // Not disposed: the worker's CompleteAdding may still be waking waiters after this loop
                // saw the queue complete, and disposing then made it throw (seen on a loaded machine). A
                // queue holds no kernel handle unless one is asked for, so the collector reclaims it.
                queues.TryRemove(index, out _);
            }
            Task.WaitAll(workers);
            PublishCount();
            summary.Completed = true;
        }
        finally
        {
            PublishCount();
            cancel.Cancel();
            summary.Elapsed = clock.Elapsed;
        }
    }

    /// <summary>The file's next batch, or null once its worker is done; before waiting for one, the reader is told.</summary>
    private Fact[]? Take(BlockingCollection<Fact[]> queue)
    {
        if (queue.TryTake(out var batch))
        {
            return batch;
        }

        if (queue.IsCompleted)
        {
            return null;
        }

        waiting?.Invoke();
        return queue.TryTake(out batch, Timeout.Infinite) ? batch : null;
    }

    /// <summary>Hands a batch to the file's queue. A worker that must wait for the consumer (its file comes after the
    /// one being drained) counts as idle meanwhile, so the file being drained may borrow its core.</summary>
    private static void Flush(BlockingCollection<Fact[]> queue, List<Fact> batch, IdleWorkers idle, CancellationToken cancel)
    {
        if (batch.Count == 0)
        {
            return;
        }

        var facts = batch.ToArray();
        batch.Clear();
        if (queue.TryAdd(facts))
        {
            return;
        }

        idle.Add();
        try
        {
            queue.Add(facts, cancel);
        }
        finally
        {
            idle.Remove();
        }
    }

    private Fact Counted(Fact fact)
    {
        if (!string.Equals(fact.Kind, _runKind, StringComparison.Ordinal))
        {
            PublishCount();
            _runKind = fact.Kind;
        }
        _runCount++;
        return fact;
    }

    private void PublishCount()
    {
        if (_runCount > 0)
        {
            summary.CountFacts(_runKind!, _runCount);
        }

        _runCount = 0;
    }
}
