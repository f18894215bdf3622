using System.Collections.Concurrent;

namespace KnowledgeEngine.Facts.Bundles;

/// <summary>A private temporary folder archives unpack into; removed with the bundle, or by
/// <see cref="RemoveAll"/> when the process is told to stop.</summary>
internal sealed class Workspace : IDisposable
{
    /// <summary>Every workspace not yet disposed, so that a signal handler can remove them.</summary>
    private static readonly ConcurrentDictionary<Workspace, byte> Open = new();

    private static volatile bool _stopping;

    private readonly Lock _gate = new();
    private string? _root;
    private int _next;

    public Workspace() => Open.TryAdd(this, 0);

    /// <summary>Set once the process is stopping: unpacking must not create files any more.</summary>
    public static bool Stopping => _stopping;

    public string NewFolder()
    {
        ThrowIfStopping();
        lock (_gate)
        {
            _root ??= Directory.CreateTempSubdirectory("kb-bundle-").FullName;
            return Path.Combine(_root, (_next++).ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    public static void ThrowIfStopping()
    {
        if (_stopping)
        {
            throw new OperationCanceledException("kb is stopping; unpacking was abandoned.");
        }
    }

    /// <summary>Removes the folders of every open workspace; called from a signal handler just before the process exits.</summary>
    public static void RemoveAll()
    {
        _stopping = true;
        foreach (var workspace in Open.Keys)
        {
            workspace.Dispose();
        }
    }

    public void Dispose()
    {
        Open.TryRemove(this, out _);
        string? root;
        lock (_gate)
        {
            root = _root;
            _root = null;
        }
        if (root is null)
        {
            return;
        }
        // A file being written while the folder goes can recreate nothing (Stopping is checked
        // before each file), but the delete may race its last write: try a few times.
        for (var attempt = 0; attempt < 3 && Directory.Exists(root); attempt++)
        {
            try
            {
                Directory.Delete(root, recursive: true);
            }
            catch (IOException)
            {
                // A file still open by a reader elsewhere; the OS temp cleaner gets it later.
            }
            catch (UnauthorizedAccessException)
            {
                // An archive entry unpacked without write permission on its folder; same as above.
            }
        }
    }
}
