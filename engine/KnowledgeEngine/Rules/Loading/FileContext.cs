using YamlDotNet.RepresentationModel;

namespace KnowledgeEngine.Rules.Loading;

/// <summary>The rule file being read: its name as messages show it, its lines (for the
/// positions of block scalars) and the bag its diagnostics go to.</summary>
internal sealed class FileContext(string displayPath, string text, DiagnosticBag bag)
{
    private string[]? _lines;

    public string Path { get; } = displayPath;

    public string Text { get; } = text;

    public DiagnosticBag Bag { get; } = bag;

    public IReadOnlyList<string> Lines => _lines ??= Text.Split('\n').Select(l => l.TrimEnd('\r')).ToArray();

    /// <summary>The same file reporting into <paramref name="other"/>; its split lines are kept.</summary>
    public FileContext WithBag(DiagnosticBag other) => new(Path, Text, other) { _lines = _lines };

    public SourceSpan Span(YamlNode node) => YamlSpans.Of(Path, node);

    public void Error(string code, YamlNode node, string message, string? fix) => Bag.Error(code, Span(node), message, fix);

    public void Error(string code, SourceSpan span, string message, string? fix) => Bag.Error(code, span, message, fix);

    public void Warning(string code, SourceSpan span, string message, string? fix) => Bag.Warning(code, span, message, fix);
}
