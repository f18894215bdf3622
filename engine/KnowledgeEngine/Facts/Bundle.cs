using KnowledgeEngine.Facts.Bundles;
using KnowledgeEngine.Facts.Layouts;
using KnowledgeEngine.Facts.Scanning;

namespace KnowledgeEngine.Facts;

/// <summary>
/// A collected bundle, opened: its inventory, layout and metadata. Archives are unpacked into a private
/// workspace that is removed on <see cref="Dispose"/>. Facts are read with <see cref="Scan"/>.
/// </summary>
public sealed class Bundle : IDisposable
{
    private readonly Workspace _workspace;
    private readonly List<string> _paths;

    private Bundle(string name, List<BundleEntry> entries, BundleLayout layout, BundleFact metadata, List<Diagnostic> diagnostics,
        BundleLimits limits, Workspace workspace)
    {
        Name = name;
        Entries = entries;
        Layout = layout;
        Metadata = metadata;
        Diagnostics = diagnostics;
        Limits = limits;
        _workspace = workspace;
        _paths = entries.Select(e => e.Path).ToList();
        Files = entries.Select(e => new FileFact { Source = e.Path, Size = e.Size, IsBinary = e.IsBinary }).ToList();
    }

    /// <summary>Opens a folder, an archive (zip, tar, tar.gz, tar.xz, nested) or a single file.</summary>
    /// <exception cref="BundleException">The bundle cannot be read; the message is meant for the operator.</exception>
    public static Bundle Open(string path, BundleLimits? limits = null) => Open([path], limits);

    /// <summary>
    /// Opens several inputs as one bundle (files, folders, archives; see docs/facts.md, "Loose inputs").
    /// "-" is standard input, read from <paramref name="standardInput"/>; a pipe or FIFO is read exactly once.
    /// </summary>
    /// <exception cref="BundleException">An input cannot be read; the message is meant for the operator.</exception>
    public static Bundle Open(IReadOnlyList<string> paths, BundleLimits? limits = null, Func<Stream>? standardInput = null)
    {
        if (paths.Count == 0)
        {
            throw new BundleException("no bundle given: name a folder, an archive or a file, or '-' for standard input.");
        }

        limits ??= BundleLimits.Default;
        var name = string.Join(" + ", paths.Select(BundleLoader.InputName));
        var workspace = new Workspace();
        var diagnostics = new List<Diagnostic>();
        try
        {
            var entries = new BundleLoader(limits, workspace, diagnostics).LoadAll(paths, standardInput);
            if (entries.Count == 0)
            {
                throw new BundleException($"{name}: the bundle holds no files. Point kb at the folder or archive that holds the collected files.");
            }
            // An entry already warned about (e.g. a .gz that does not decompress) needs no second note.
            var warned = diagnostics.Where(d => d.Severity == DiagnosticSeverity.Warning).Select(d => d.Span.File).ToHashSet(StringComparer.Ordinal);
            foreach (var entry in entries)
            {
                if (warned.Contains(entry.Path))
                {
                    continue;
                }

                if (entry.Size == 0)
                {
                    diagnostics.Add(BundleCodes.Info(BundleCodes.EmptyFile, SourceSpan.OfFile(entry.Path), "empty file; inventoried, nothing to read"));
                }
                else if (entry.IsBinary)
                {
                    diagnostics.Add(BundleCodes.Info(BundleCodes.BinaryFile, SourceSpan.OfFile(entry.Path), "binary content; inventoried but not scanned"));
                }
            }
            var context = new LayoutContext(entries);
            var manifest = BundleManifest.Read(context, diagnostics);
            var layout = LayoutRegistry.Recognise(context);
            var metadata = LayoutRegistry.Describe(name, layout, context, manifest);
            return new Bundle(name, entries, layout, metadata, diagnostics, limits, workspace);
        }
        catch (UnauthorizedAccessException ex)
        {
            workspace.Dispose();
            throw new BundleException($"{name}: permission denied while reading it ({ex.Message}). Run kb as a user who can read the bundle.", ex);
        }
        catch (IOException ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            // e.g. the path is a link to nothing: the operator sees what is missing, not a stack trace.
            workspace.Dispose();
            throw new BundleException($"{name}: {ex.Message.TrimEnd('.')}. Give the path of a bundle folder, an archive or a log file that exists.", ex);
        }
        catch (IOException ex)
        {
            workspace.Dispose();
            throw new BundleException($"{name}: cannot be read ({ex.Message.TrimEnd('.')}). Check the path, or copy the bundle somewhere readable and retry.", ex);
        }
        catch
        {
            workspace.Dispose();
            throw;
        }
    }

    public string Name { get; }

    public BundleFact Metadata { get; }

    /// <summary>One file fact per inventory entry, binary and empty files included.</summary>
    public IReadOnlyList<FileFact> Files { get; }

    /// <summary>What was refused, skipped or noted while opening.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    /// <summary>Was any file matching <paramref name="glob"/> collected? ('*', '**', '?', {a,b}.)</summary>
    public bool IsCollected(string glob) => _paths.Any(p => Glob.IsMatch(glob, p));

    /// <summary>Paths of a logical source such as "kubelet_log" or "nodes" in this bundle's layout.</summary>
    public IReadOnlyList<string> Resolve(string logicalSource) => SourceRegistry.Resolve(logicalSource, Layout.Name, _paths);

    /// <summary>The names <see cref="Resolve"/> knows.</summary>
    public static IReadOnlyCollection<string> LogicalSources => SourceRegistry.Names;

    /// <summary>
    /// Streams the facts: the bundle fact, the file facts, then each file's content facts in inventory order
    /// (files are read in parallel; order is kept). <see cref="FactStream.Summary"/> is complete after enumeration.
    /// </summary>
    public FactStream Scan(ScanPlan plan, int? parallelism = null) =>
        new(this, plan, Math.Max(1, parallelism ?? Environment.ProcessorCount));

    /// <summary>Callback form of <see cref="Scan"/>; <paramref name="onFact"/> is called from one thread.</summary>
    public ScanSummary Scan(ScanPlan plan, Action<Fact> onFact, int? parallelism = null)
    {
        var stream = Scan(plan, parallelism);
        foreach (var fact in stream)
        {
            onFact(fact);
        }

        return stream.Summary;
    }

    internal List<BundleEntry> Entries { get; }
    internal BundleLayout Layout { get; }
    internal BundleLimits Limits { get; }

    public void Dispose() => _workspace.Dispose();

    /// <summary>Removes the unpacked copies of every bundle still open and stops further unpacking;
    /// for a signal handler that is about to end the process.</summary>
    public static void RemoveTemporaryFolders() => Workspace.RemoveAll();
}
