using System.Text;
using KnowledgeEngine.Facts.Bundles;
using KnowledgeEngine.Facts.Configs;
using KnowledgeEngine.Facts.Documents;
using KnowledgeEngine.Facts.Layouts;
using KnowledgeEngine.Facts.Logs;
using KnowledgeEngine.Facts.Resources;
using KnowledgeEngine.Facts.Tables;

namespace KnowledgeEngine.Facts.Scanning;

/// <summary>Reads one file by its role: logs through the streaming scanner, documents through their parsers.</summary>
internal sealed class FileReader(Bundle bundle, ScanPlan plan, ScanSummary summary, IdleWorkers idle)
{
    /// <summary>Documents are parsed whole; past this size they are scanned as text instead.</summary>
    private const long MaxDocumentBytes = 256L << 20;

    /// <summary>Logs up to this size are also searched for command-output tables (a kubectl get pasted
    /// into a log); larger ones are machine-written logs, which hold none, and are read once only.</summary>
    private const long MaxTableSearchBytes = 8L << 20;

    private readonly TimeContext _time = new(bundle.Metadata.CollectedAt, bundle.Metadata.TimeZone);

    /// <summary>The bundle's platform as the plan reads it: which platform-scoped patterns its logs are searched for.</summary>
    private readonly string? _platform = plan.PlatformOf(bundle.Metadata.Platform);

    public void Read(BundleEntry entry, Action<Fact> emit)
    {
        var role = FileClassifier.Classify(entry, bundle.Layout);
        try
        {
            switch (role)
            {
                case FileRole.Resource when entry.Size <= MaxDocumentBytes:
                    ReadDocument(entry, ReadAll(entry), emit, resources: true);
                    break;
                case FileRole.Config when entry.Size <= MaxDocumentBytes:
                    ReadDocument(entry, ReadAll(entry), emit, resources: false);
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
            summary.AddDiagnostic(BundleCodes.Warning(BundleCodes.Unreadable, SourceSpan.OfFile(entry.Path),
                $"cannot be read ({ex.Message.TrimEnd('.')}); what it holds past that point is missing", "check the file in the bundle"));
        }
        catch (Exception ex) when (ex is not (OutOfMemoryException or OperationCanceledException))
        {
            // A parser failing in a way it should not (fuzzing found YamlDotNet's scanner throwing
            // InvalidOperationException) costs this file, not the bundle.
            summary.AddDiagnostic(BundleCodes.Warning(BundleCodes.ReaderDefect, SourceSpan.OfFile(entry.Path),
                $"its reader failed ({ex.GetType().Name}: {ex.Message.TrimEnd('.')}); its facts are missing", "this is a defect in kb: please report it with the file"));
        }
    }

    /// <summary>
    /// The reader boundary for documents: the parsers repair what they can and note it; whatever they
    /// still throw on (a reader bug, an input nobody foresaw) costs this file's document facts, never the
    /// run: the file is then scanned as log lines and the warning says so. Facts reach
    /// <paramref name="emit"/> only once the whole document was read, so nothing is emitted twice.
    /// </summary>
    private void ReadDocument(BundleEntry entry, string text, Action<Fact> emit, bool resources)
    {
        var notes = new ReadNotes(entry.Path);
        List<Fact> facts;
        try
        {
            facts = DocumentFacts(entry.Path, text, notes, resources);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            foreach (var note in notes.Items)
            {
                summary.AddDiagnostic(note);
            }

            summary.AddDiagnostic(BundleCodes.Warning(BundleCodes.ReadAsLines, SourceSpan.OfFile(entry.Path),
                $"could not be read as a document ({ex.GetType().Name}: {ex.Message.TrimEnd('.')}); it was read as log lines instead"));
            ScanLog(entry, emit);
            return;
        }
        foreach (var note in notes.Items)
        {
            summary.AddDiagnostic(note);
        }

        facts.ForEach(emit);
        EmitValues(facts, emit);
    }

    private void EmitValues(IEnumerable<Fact> facts, Action<Fact> emit)
    {
        if (!plan.ScansValues)
        {
            return;
        }

        var stats = new LogScanStats(plan.Patterns.Count);
        var values = new ValueScanner(plan, _platform).Scan(facts, stats);
        summary.AddLogStats(stats);
        values.ForEach(emit);
    }

    private List<Fact> DocumentFacts(string path, string text, ReadNotes notes, bool resources)
    {
        var facts = new List<Fact>();
        if (resources && ResourceReader.Read(path, text, notes) is { } found)
        {
            summary.AddFormat("resource");
            facts.AddRange(found);
            return facts;
        }
        summary.AddFormat("config");
        facts.AddRange(ConfigReader.Read(path, text, notes));
        if (resources && ResourceReader.ReadClimcShow(path, text) is { } shown)
        {
            summary.AddFormat("resource");
            facts.Add(shown);
        }
        return facts;
    }

    private void ScanLog(BundleEntry entry, Action<Fact> emit)
    {
        var format = FormatDetector.Detect(Sample(entry), _time);
        summary.AddFormat(format.Name);
        var stats = new LogScanStats(plan.Patterns.Count);
        using var stream = Open(entry);
        var host = bundle.Layout.HostOf(entry.Path, bundle.Metadata.Hosts);
        new LogFileScanner(plan.For(entry.Path, _platform), bundle.Limits, idle).Scan(stream, format, _time, entry.Path, host, _platform, emit, stats,
            (line, warning) => summary.AddDiagnostic(BundleCodes.Warning(BundleCodes.LineCut, SourceSpan.OfLine(entry.Path, line), warning)));
        summary.AddLogStats(stats);
        if (entry.Size <= MaxTableSearchBytes)
        {
            EmitTables(entry, emit);
        }
    }

    private void EmitTables(BundleEntry entry, Action<Fact> emit)
    {
        var notes = new ReadNotes(entry.Path);
        List<ResourceFact> rows;
        try
        {
            rows = TableReader.Read(entry.Path, ReadAll(entry));
        }
        catch (Exception ex) when (ex is not (OutOfMemoryException or IOException))
        {
            notes.Warn(null, $"its tables could not be read ({ex.GetType().Name}: {ex.Message.TrimEnd('.')}); its log lines were read.");
            rows = [];
        }
        foreach (var note in notes.Items)
        {
            summary.AddDiagnostic(note);
        }

        if (rows.Count == 0)
        {
            return;
        }

        summary.AddFormat("table");
        rows.ForEach(emit);
        EmitValues(rows, emit);
    }

    private static List<string> Sample(BundleEntry entry)
    {
        var head = ContentSniffer.ReadDecoded(entry.PhysicalPath, entry.Encoding, 64 * 1024);
        using var normalised = new PastedTextStream(new MemoryStream(head));
        using var reader = new StreamReader(normalised, new UTF8Encoding(false, false));
        var text = reader.ReadToEnd();
        var lines = text.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        if (lines.Count > 1 && head.Length == 64 * 1024)
        {
            lines.RemoveAt(lines.Count - 1);
        }

        return lines.Take(FormatDetector.MaxSampleLines).ToList();
    }

    internal static Stream Open(BundleEntry entry)
    {
        var raw = new FileStream(entry.PhysicalPath, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        return new PastedTextStream(Decoders.Open(raw, entry.PhysicalPath, entry.Encoding));
    }

    private static string ReadAll(BundleEntry entry)
    {
        using var stream = Open(entry);
        using var reader = new StreamReader(stream, new UTF8Encoding(false, false), detectEncodingFromByteOrderMarks: true);
        return reader.ReadToEnd();
    }
}
