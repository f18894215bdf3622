using System.Globalization;
using System.Text.Json.Nodes;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace KnowledgeEngine.Facts.Documents;

/// <summary>One YAML document as JSON, with its first line and, when asked for, its settings as key paths.</summary>
internal sealed record YamlDocument(JsonNode? Root, int Line, IReadOnlyList<(string Key, string Value, int Line)> Settings);

/// <summary>
/// Builds one document from parser events with an explicit stack instead of recursion, so nesting costs
/// heap, not stack, and is cut at <see cref="DocumentLimits.MaxDepth"/>. Plain scalars get YAML 1.2 core
/// types; quoted scalars stay strings; unknown kinds (CRDs) are kept as they are.
/// </summary>
internal sealed class YamlTree(int lineOffset, bool withSettings)
{
    private sealed class Frame(JsonNode? node, string path, int line)
    {
        public JsonNode? Node { get; } = node;
        public string Path { get; } = path;
        public int Line { get; } = line;
        public string? Key { get; set; }
        public bool ExpectKey { get; set; } = true;
        public int Count { get; set; }
        public bool IsKey { get; init; }
        public string? Anchor { get; init; }
    }

    private readonly Stack<Frame> _frames = new();
    private readonly Dictionary<string, JsonNode?> _anchors = new(StringComparer.Ordinal);
    private readonly List<(string, string, int)> _settings = [];
    private JsonNode? _root;
    private int _cutDepth;

    /// <summary>The first line nested deeper than the limit, when the document was cut there.</summary>
    public int? DeepLine { get; private set; }

    /// <summary>Reads events from DocumentStart (already consumed) to DocumentEnd.</summary>
    public YamlDocument Read(IParser parser, int documentLine)
    {
        while (parser.MoveNext())
        {
            switch (parser.Current)
            {
                case DocumentEnd:
                    return new YamlDocument(_root, documentLine, _settings);
                case MappingStart map:
                    Open(new JsonObject(), map, map.Anchor);
                    break;
                case SequenceStart sequence:
                    Open(new JsonArray(), sequence, sequence.Anchor);
                    break;
                case MappingEnd or SequenceEnd:
                    Close(parser.Current!);
                    break;
                case Scalar scalar:
                    OnScalar(scalar);
                    break;
                case AnchorAlias alias:
                    Place(_anchors.TryGetValue(alias.Value.Value, out var target) ? target?.DeepClone() : null, Line(alias), null);
                    break;
            }
        }
        return new YamlDocument(_root, documentLine, _settings);
    }

    private int Line(ParsingEvent e) => (int)e.Start.Line + lineOffset;

    private bool InKeyPosition => _frames.Count > 0 && _frames.Peek().Node is JsonObject && _frames.Peek().ExpectKey && !_frames.Peek().IsKey;

    private void Open(JsonNode node, ParsingEvent e, AnchorName anchor)
    {
        if (_cutDepth > 0 || _frames.Count >= DocumentLimits.MaxDepth)
        {
            // Too deep: the rest of this branch is skipped, its events only counted until it closes.
            DeepLine ??= Line(e);
            _cutDepth++;
            return;
        }
        var isKey = InKeyPosition || (_frames.Count > 0 && _frames.Peek().IsKey);
        var path = isKey ? "" : ChildPath();
        _frames.Push(new Frame(isKey ? null : node, path, Line(e)) { IsKey = isKey, Anchor = anchor.IsEmpty ? null : anchor.Value });
    }

    private void Close(ParsingEvent e)
    {
        if (_cutDepth > 0)
        {
            if (--_cutDepth == 0)
            {
                Place(null, Line(e), null);
            }

            return;
        }
        var frame = _frames.Pop();
        if (frame.IsKey)
        {
            // A collection used as a key: rare, and no rule can name it; it stands as "?".
            if (!(_frames.Count > 0 && _frames.Peek().IsKey))
            {
                SetKey("?");
            }

            return;
        }
        if (withSettings && frame.Count == 0 && (frame.Node is JsonArray || frame.Path.Length > 0))
        {
            _settings.Add((frame.Path, "", frame.Line));
        }

        if (frame.Anchor is { } name)
        {
            _anchors[name] = frame.Node;
        }

        Place(frame.Node, frame.Line, null);
    }

    private void OnScalar(Scalar scalar)
    {
        if (_cutDepth > 0 || (_frames.Count > 0 && _frames.Peek().IsKey))
        {
            return;
        }

        if (InKeyPosition)
        {
            SetKey(scalar.Value);
            return;
        }
        var value = Convert(scalar);
        if (!scalar.Anchor.IsEmpty)
        {
            _anchors[scalar.Anchor.Value] = value;
        }

        var text = scalar.Value == "null" && scalar.Style != ScalarStyle.Plain ? "" : scalar.Value;
        Place(value, Line(scalar), text);
    }

    private void SetKey(string key)
    {
        var frame = _frames.Peek();
        frame.Key = key;
        frame.ExpectKey = false;
    }

    private string ChildPath()
    {
        if (_frames.Count == 0)
        {
            return "";
        }

        var parent = _frames.Peek();
        if (parent.Node is JsonArray)
        {
            return $"{parent.Path}[{parent.Count}]";
        }

        return parent.Path.Length == 0 ? parent.Key ?? "" : $"{parent.Path}.{parent.Key}";
    }

    /// <summary>Puts a finished value into its parent (or makes it the root); a collection was already
    /// pushed with its path, so only scalars record a setting here.</summary>
    private void Place(JsonNode? value, int line, string? scalarText)
    {
        if (_frames.Count == 0)
        {
            _root = value;
            if (withSettings && scalarText is not null)
            {
                _settings.Add(("value", scalarText, line));
            }

            return;
        }
        var parent = _frames.Peek();
        if (withSettings && scalarText is not null)
        {
            _settings.Add((ChildPath(), scalarText, line));
        }

        switch (parent.Node)
        {
            case JsonArray array:
                array.Add(value);
                break;
            case JsonObject obj:
                obj[parent.Key ?? ""] = value;
                parent.ExpectKey = true;
                break;
        }
        parent.Count++;
    }

    private static JsonNode? Convert(Scalar scalar)
    {
        var value = scalar.Value;
        if (scalar.Style is not (ScalarStyle.Plain or ScalarStyle.Any))
        {
            return JsonValue.Create(value);
        }

        switch (value)
        {
            case "" or "~" or "null" or "Null" or "NULL":
                return null;
            case "true" or "True" or "TRUE":
                return JsonValue.Create(true);
            case "false" or "False" or "FALSE":
                return JsonValue.Create(false);
        }
        if (long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer))
        {
            return JsonValue.Create(integer);
        }

        if (value.Length > 0 && (char.IsAsciiDigit(value[0]) || value[0] is '-' or '.')
            && double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var real) && double.IsFinite(real))
        {
            return JsonValue.Create(real);
        }

        return JsonValue.Create(value);
    }
}
