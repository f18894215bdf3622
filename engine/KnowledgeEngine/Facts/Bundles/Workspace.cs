namespace KnowledgeEngine.Facts.Bundles;

/// <summary>A private temporary folder archives unpack into; removed with the bundle.</summary>
internal sealed class Workspace : IDisposable
{
    private string? _root;
    private int _next;

    public string NewFolder()
    {
        _root ??= Directory.CreateTempSubdirectory("kb-bundle-").FullName;
        return Path.Combine(_root, (_next++).ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    public void Dispose()
    {
        if (_root is null)
            return;
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // A file still open by a reader elsewhere; the OS temp cleaner gets it later.
        }
        _root = null;
    }
}
