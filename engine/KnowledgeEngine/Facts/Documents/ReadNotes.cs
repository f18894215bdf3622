namespace KnowledgeEngine.Facts.Documents;

/// <summary>
/// The repairs and refusals of one file's readers, each with the file and line, so that what a reader
/// fixed or dropped reaches every report instead of being lost. The same repair found twice (a document
/// read as resources, then as configuration) is noted once.
/// </summary>
internal sealed class ReadNotes(string source)
{
    private readonly List<BundleDiagnostic> _items = [];
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);

    public string Source { get; } = source;

    public IReadOnlyList<BundleDiagnostic> Items => _items;

    /// <summary>How many documents a reader found broken and kept only in part (each also noted as a warning).</summary>
    public int DamagedDocuments { get; private set; }

    /// <summary>Notes a document kept only in part: a warning, counted in <see cref="DamagedDocuments"/>.</summary>
    public void Damaged(int? line, string text)
    {
        DamagedDocuments++;
        Warn(line, text);
    }

    /// <summary>Adds "source:line: text" (or "source: text" without a line).</summary>
    public void Warn(int? line, string text)
    {
        var message = line is { } at ? $"{Source}:{at}: {text}" : $"{Source}: {text}";
        if (_seen.Add(message))
            _items.Add(new BundleDiagnostic(DiagnosticSeverity.Warning, Source, message) { Line = line });
    }
}
