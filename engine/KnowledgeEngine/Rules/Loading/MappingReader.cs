using System.Globalization;
using KnowledgeEngine.Rules.Expressions;
using KnowledgeEngine.Rules.Model;
using YamlDotNet.RepresentationModel;

namespace KnowledgeEngine.Rules.Loading;

/// <summary>
/// Reads the keys of one YAML mapping: reports keys it does not know (with the closest known
/// one), missing required keys and values of the wrong shape, and hands out values with spans.
/// </summary>
internal sealed class MappingReader
{
    private readonly Dictionary<string, (YamlScalarNode Key, YamlNode Value)> _entries = new(StringComparer.Ordinal);

    public MappingReader(FileContext file, YamlMappingNode node, string what, IReadOnlyList<string> known, Func<string, string?>? misplaced = null)
    {
        File = file;
        Node = node;
        What = what;
        foreach (var (keyNode, value) in node.Children)
        {
            if (keyNode is not YamlScalarNode { Value: { } key } scalar)
            {
                file.Error(LoaderCodes.WrongShape, keyNode, $"a key of {what} is {YamlSpans.Describe(keyNode)}", "keys are plain names such as title or when");
                continue;
            }

            if (!known.Contains(key))
            {
                var hint = misplaced?.Invoke(key) ?? NameSuggestions.Closest(key, known) + $"known keys: {string.Join(", ", known)}";
                file.Error(LoaderCodes.UnknownKey, scalar, $"unknown key '{key}' in {what}", hint);
                continue;
            }

            _entries[key] = (scalar, value);
        }
    }

    public FileContext File { get; }

    public YamlMappingNode Node { get; }

    public string What { get; }

    public SourceSpan Span => File.Span(Node);

    public bool Has(string key) => _entries.ContainsKey(key);

    public YamlNode? Value(string key) => _entries.TryGetValue(key, out var entry) ? entry.Value : null;

    public SourceSpan KeySpan(string key) => File.Span(_entries[key].Key);

    public IEnumerable<string> Keys => _entries.Keys;

    public void Missing(string key, string fix) =>
        File.Error(LoaderCodes.MissingField, Node, $"{What} has no '{key}'", fix);

    public YamlScalarNode? Scalar(string key, string? requiredFix = null)
    {
        var value = Value(key);
        if (value is null)
        {
            if (requiredFix is not null)
            {
                Missing(key, requiredFix);
            }

            return null;
        }

        if (value is YamlScalarNode scalar)
        {
            if (string.IsNullOrEmpty(scalar.Value) && scalar.Style == YamlDotNet.Core.ScalarStyle.Plain)
            {
                File.Error(LoaderCodes.EmptyValue, _entries[key].Key, $"'{key}' in {What} has no value", requiredFix ?? $"write a value after '{key}:' or remove the key");
                return null;
            }

            return scalar;
        }

        File.Error(LoaderCodes.WrongShape, value, $"'{key}' in {What} must be a single value, found {YamlSpans.Describe(value)}",
            $"write it on one line, e.g. {key}: value");
        return null;
    }

    public Located<string>? Text(string key, string? requiredFix = null) =>
        Scalar(key, requiredFix) is { } s ? new Located<string>(File.Shared(s.Value ?? ""), File.Span(s)) : null;

    public Located<double>? Number(string key, string? requiredFix = null)
    {
        if (Scalar(key, requiredFix) is not { } s)
        {
            return null;
        }

        if (double.TryParse(s.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            return new Located<double>(number, File.Span(s));
        }

        File.Error(LoaderCodes.BadNumber, s, $"'{key}' must be a number, found '{s.Value}'", $"write a decimal number, e.g. {key}: 0.5");
        return null;
    }

    public Located<bool>? Bool(string key)
    {
        if (Scalar(key) is not { } s)
        {
            return null;
        }

        if (s.Value is "true" or "false")
        {
            return new Located<bool>(s.Value == "true", File.Span(s));
        }

        File.Error(LoaderCodes.BadValue, s, $"'{key}' must be true or false, found '{s.Value}'", $"write {key}: true");
        return null;
    }

    public TEnum? Enum<TEnum>(string key, out SourceSpan span, string? requiredFix = null) where TEnum : struct, System.Enum
    {
        span = default;
        if (Scalar(key, requiredFix) is not { } s)
        {
            return null;
        }

        span = File.Span(s);
        var names = System.Enum.GetNames<TEnum>().Select(n => n.ToLowerInvariant()).ToList();
        if (names.Contains(s.Value!))
        {
            return System.Enum.Parse<TEnum>(s.Value!, ignoreCase: true);
        }

        File.Error(LoaderCodes.BadValue, s, $"'{key}' must be one of {string.Join(", ", names)}, found '{s.Value}'",
            NameSuggestions.Closest(s.Value!, names) is { Length: > 0 } close ? close.TrimEnd() : $"write e.g. {key}: {names[0]}");
        return null;
    }

    /// <summary>The items of a list value; a single mapping or scalar is refused with the fix.</summary>
    public IReadOnlyList<YamlNode> List(string key)
    {
        var value = Value(key);
        switch (value)
        {
            case null:
                return [];
            case YamlSequenceNode sequence:
                return sequence.Children.ToList();
            case YamlScalarNode { Value: null or "" } when value is YamlScalarNode { Style: YamlDotNet.Core.ScalarStyle.Plain }:
                return [];
            default:
                File.Error(LoaderCodes.WrongShape, value, $"'{key}' in {What} must be a list, found {YamlSpans.Describe(value)}",
                    $"start each item on its own line with '- ' under {key}:");
                return [];
        }
    }

    public YamlMappingNode? Mapping(string key, string? requiredFix = null)
    {
        var value = Value(key);
        if (value is null)
        {
            if (requiredFix is not null)
            {
                Missing(key, requiredFix);
            }

            return null;
        }

        if (value is YamlMappingNode mapping)
        {
            return mapping;
        }

        File.Error(LoaderCodes.WrongShape, value, $"'{key}' in {What} must be a mapping of keys, found {YamlSpans.Describe(value)}",
            $"write {key}: {{ key: value }} or put the keys on indented lines under {key}:");
        return null;
    }
}
