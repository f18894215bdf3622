namespace KnowledgeEngine.Facts.Documents;

/// <summary>
/// The repairs and refusals of one file's readers, each with the file and line, so that what a reader
/// fixed or dropped reaches every report instead of being lost. The same repair found twice (a document
/// read as resources, then as configuration) is noted once.
/// </summary>
internal sealed class ReadNotes(string source)
{
    private readonly List<Diagnostic> _items = [];
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);

    public string Source { get; } = source;

    public IReadOnlyList<Diagnostic> Items => _items;

    /// <summary>How many documents a reader found broken and kept only in part (each also noted as a warning).</summary>
    public int DamagedDocuments { get; private set; }

    /// <summary>Notes a document kept only in part: a warning, counted in <see cref="DamagedDocuments"/>.</summary>
    public void Damaged(int? line, string text)
    {
        DamagedDocuments++;
        Warn(line, text);
    }

    /// <summary>Adds a KB203 warning at the line (or the file, without a line).</summary>
    public void Warn(int? line, string text)
    {
        var note = BundleCodes.Warning(BundleCodes.DocumentInPart, SourceSpan.OfLine(Source, line), text);
        if (_seen.Add(note.ToString()))
        {
            _items.Add(note);
        }
    }
}
