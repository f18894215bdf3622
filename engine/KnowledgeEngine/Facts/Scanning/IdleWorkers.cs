namespace KnowledgeEngine.Facts.Scanning;

/// <summary>
/// How many of a scan's workers have run out of files or wait for the consumer to take their facts. A bundle is
/// usually one big log among small files: its worker scans on while the others sit idle, so the big file's chunks
/// are split over their cores (<see cref="LogFileScanner"/>). While every worker has a file of its own, nothing is
/// borrowed.
/// </summary>
internal sealed class IdleWorkers
{
    private int _count;

    /// <summary>No worker is ever idle: each file is searched on one thread (a scan of one worker).</summary>
    public static IdleWorkers None { get; } = new();

    public bool Any => Volatile.Read(ref _count) > 0;

    public void Add() => Interlocked.Increment(ref _count);

    /// <summary>A worker that waited (for the consumer to take its facts) is busy again.</summary>
    public void Remove() => Interlocked.Decrement(ref _count);
}
