using System.Text;
using KnowledgeEngine.Facts.Bundles;
using KnowledgeEngine.Facts.Configs;
using KnowledgeEngine.Facts.Layouts;
using KnowledgeEngine.Facts.Logs;
using KnowledgeEngine.Facts.Resources;

namespace KnowledgeEngine.Facts.Scanning;

/// <summary>Reads one file by its role: logs through the streaming scanner, documents through their parsers.</summary>
internal sealed class FileReader(Bundle bundle, ScanPlan plan, ScanSummary summary)
{
    /// <summary>Documents are parsed whole; past this size they are scanned as text instead.</summary>
    private const long MaxDocumentBytes = 256L << 20;

    private readonly TimeContext _time = new(bundle.Metadata.CollectedAt, bundle.Metadata.TimeZone);

    public void Read(BundleEntry entry, Action<Fact> emit)
    {
        var role = FileClassifier.Classify(entry, bundle.Layout);
        try
        {
            switch (role)
            {
                case FileRole.Resource when entry.Size <= MaxDocumentBytes:
                    var text = ReadAll(entry);
                    var resources = ResourceReader.Read(entry.Path, text);
                    if (resources is not null)
                    {
                        summary.AddFormat("resource");
                        resources.ForEach(emit);
                    }
                    else
                    {
                        EmitConfig(entry.Path, text, emit);
                        if (ResourceReader.ReadClimcShow(entry.Path, text) is { } shown)
                        {
                            summary.AddFormat("resource");
                            emit(shown);
                        }
                    }
                    break;
                case FileRole.Config when entry.Size <= MaxDocumentBytes:
                    EmitConfig(entry.Path, ReadAll(entry), emit);
                    break;
                case FileRole.InventoryOnly:
                    break;
                default:
                    ScanLog(entry, emit);
                    break;
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidDataException
                                       or SharpCompress.Common.ArchiveException or FormatException)
        {
            summary.AddDiagnostic(new BundleDiagnostic(DiagnosticSeverity.Warning, entry.Path,
                $"{entry.Path}: cannot be read ({ex.Message}); what it holds past that point is missing. Check the file in the bundle."));
        }
        catch (Exception ex) when (ex is not (OutOfMemoryException or OperationCanceledException))
        {
            // A parser failing in a way it should not (fuzzing found YamlDotNet's scanner throwing
            // InvalidOperationException) costs this file, not the bundle.
            summary.AddDiagnostic(new BundleDiagnostic(DiagnosticSeverity.Warning, entry.Path,
                $"{entry.Path}: its reader failed ({ex.GetType().Name}: {ex.Message}); its facts are missing. This is a defect in kb: please report it with the file."));
        }
    }

    private void EmitConfig(string path, string text, Action<Fact> emit)
    {
        summary.AddFormat("config");
        foreach (var fact in ConfigReader.Read(path, text))
            emit(fact);
    }

    private void ScanLog(BundleEntry entry, Action<Fact> emit)
    {
        var format = FormatDetector.Detect(Sample(entry), _time);
        summary.AddFormat(format.Name);
        var stats = new LogScanStats(plan.Patterns.Count);
        using var stream = Open(entry);
        var host = bundle.Layout.HostOf(entry.Path, bundle.Metadata.Hosts);
        new LogFileScanner(plan, bundle.Limits).Scan(stream, format, _time, entry.Path, host, emit, stats,
            warning => summary.AddDiagnostic(new BundleDiagnostic(DiagnosticSeverity.Warning, entry.Path, warning)));
        summary.AddLogStats(stats);
    }

    private static List<string> Sample(BundleEntry entry)
    {
        var head = ContentSniffer.ReadDecoded(entry.PhysicalPath, entry.Encoding, 64 * 1024);
        var text = Encoding.UTF8.GetString(head);
        var lines = text.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        if (lines.Count > 1 && head.Length == 64 * 1024)
            lines.RemoveAt(lines.Count - 1);
        return lines.Take(FormatDetector.SampleLines * 4).ToList();
    }

    internal static Stream Open(BundleEntry entry)
    {
        var raw = new FileStream(entry.PhysicalPath, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        return Decoders.Open(raw, entry.PhysicalPath, entry.Encoding);
    }

    private static string ReadAll(BundleEntry entry)
    {
        using var stream = Open(entry);
        using var reader = new StreamReader(stream, new UTF8Encoding(false, false), detectEncodingFromByteOrderMarks: true);
        return reader.ReadToEnd();
    }
}
