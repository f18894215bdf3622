using YamlDotNet.RepresentationModel;

namespace KnowledgeEngine.Rules.Loading;

/// <summary>The rule file being read: its name as messages show it, its lines (for the
/// positions of block scalars) and the bag its diagnostics go to.</summary>
internal sealed class FileContext(string displayPath, string text, DiagnosticBag bag, TextPool? pool = null)
{
    private TextLines? _lines;

    public string Path { get; } = displayPath;

    public string Text { get; } = text;

    public DiagnosticBag Bag { get; } = bag;

    /// <summary>The file's lines without their line ends, cut from <see cref="Text"/> when read: a loaded rule keeps
    /// its file for diagnostics, and a second copy of every file as split lines was 10 MB of 5,000 generated rules.</summary>
    public IReadOnlyList<string> Lines => _lines ??= new TextLines(Text);

    /// <summary>The same file reporting into <paramref name="other"/>; its split lines are kept. The copy is of a
    /// file already read, so it holds no <see cref="TextPool"/>: the pool is dropped with the load.</summary>
    public FileContext WithBag(DiagnosticBag other) => new(Path, Text, other) { _lines = _lines };

    /// <summary>A scalar's text, one instance per distinct short value over the files of one load (see <see cref="TextPool"/>).</summary>
    public string Shared(string value) => pool?.Get(value) ?? value;

    public SourceSpan Span(YamlNode node) => YamlSpans.Of(Path, node);

    public void Error(string code, YamlNode node, string message, string? fix) => Bag.Error(code, Span(node), message, fix);

    public void Error(string code, SourceSpan span, string message, string? fix) => Bag.Error(code, span, message, fix);

    public void Warning(string code, SourceSpan span, string message, string? fix) => Bag.Warning(code, span, message, fix);
}

/// <summary>Lines of a text by their start offsets; each line is cut (without '\r') when it is read.</summary>
internal sealed class TextLines : IReadOnlyList<string>
{
    private readonly string _text;
    private readonly int[] _starts;

    public TextLines(string text)
    {
        _text = text;
        var starts = new List<int> { 0 };
        for (var at = text.IndexOf('\n'); at >= 0; at = text.IndexOf('\n', at + 1))
        {
            starts.Add(at + 1);
        }

        _starts = starts.ToArray();
    }

    public int Count => _starts.Length;

    public string this[int index]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfNegative(index);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, _starts.Length);
            var start = _starts[index];
            var end = index + 1 < _starts.Length ? _starts[index + 1] - 1 : _text.Length;
            return _text.AsSpan(start, end - start).TrimEnd('\r').ToString();
        }
    }

    public IEnumerator<string> GetEnumerator()
    {
        for (var i = 0; i < Count; i++)
        {
            yield return this[i];
        }
    }

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
}

/// <summary>
/// One instance of each short scalar value over the rule files of one load: rules of one knowledge base repeat
/// their names, kinds, fix steps and regexes (with 5,000 generated rules, 5,000 copies each of a dozen strings).
/// Long values are rarely repeated and stay as read.
/// </summary>
internal sealed class TextPool
{
    private const int MaxLength = 256;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> _values = new(StringComparer.Ordinal);

    public string Get(string value) => value.Length > MaxLength ? value : _values.GetOrAdd(value, value);
}
