namespace KnowledgeEngine.Facts.Cases;

/// <summary>A case's files written into a private folder, with a bundle.yaml naming its platform,
/// and opened as a bundle like any collected folder; the folder goes with <see cref="Dispose"/>.</summary>
public sealed class CaseBundle : IDisposable
{
    private readonly DirectoryInfo _folder;

    private CaseBundle(DirectoryInfo folder, Bundle bundle)
    {
        _folder = folder;
        Bundle = bundle;
    }

    public Bundle Bundle { get; }

    /// <exception cref="BundleException">The written files cannot be read back as a bundle.</exception>
    public static CaseBundle Open(RealCase realCase)
    {
        var folder = Directory.CreateTempSubdirectory("kb-case-");
        try
        {
            var root = Path.Combine(folder.FullName, realCase.Id);
            foreach (var file in realCase.Files)
            {
                var target = Path.Combine(root, file.Path);
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                // Two excerpts of one file (a log quoted twice in a thread) are one file, in thread order.
                File.AppendAllText(target, File.Exists(target) ? "\n" + file.Content + "\n" : file.Content + "\n");
            }

            File.WriteAllText(Path.Combine(root, "bundle.yaml"), $"platform: {realCase.Platform}\n");
            return new CaseBundle(folder, Bundle.Open(root));
        }
        catch
        {
            folder.Delete(recursive: true);
            throw;
        }
    }

    public void Dispose()
    {
        Bundle.Dispose();
        _folder.Delete(recursive: true);
    }
}
