using System.Text.RegularExpressions;
using KnowledgeEngine.Rules.Expressions;
using KnowledgeEngine.Rules.Model;
using YamlDotNet.RepresentationModel;

namespace KnowledgeEngine.Rules.Loading;

/// <summary>Reads one item of when/evidence/against: exactly one fact kind key with its
/// settings, plus as/count/collect, in when signature and outside when weight.</summary>
internal sealed partial class ConditionReader(FileContext file)
{
    /// <summary>The settings each fact kind accepts, besides where.</summary>
    public static readonly IReadOnlyDictionary<FactKind, string[]> Settings = new Dictionary<FactKind, string[]>
    {
        [FactKind.Log] = ["source", "contains", "regex", "level", "component", "anywhere"],
        [FactKind.Resource] = ["kind", "api", "name", "namespace", "absent"],
        [FactKind.Config] = ["file", "key", "value", "absent"],
        [FactKind.File] = ["path", "absent"],
        [FactKind.Bundle] = ["platform", "layout", "host"],
        [FactKind.Fact] = ["name"],
    };

    private static readonly string[] KindKeys = ["log", "resource", "config", "file", "bundle", "fact"];

    public ConditionModel? Read(YamlNode item, ConditionSection section)
    {
        var where = section.ToString().ToLowerInvariant();
        if (item is not YamlMappingNode node)
        {
            file.Error(LoaderCodes.WrongShape, item, $"a condition in {where} must be a mapping, found {YamlSpans.Describe(item)}",
                "write e.g. - log: { contains: 'text' }");
            return null;
        }

        string[] itemKeys = section == ConditionSection.When
            ? [.. KindKeys, "as", "count", "signature", "collect"]
            : [.. KindKeys, "as", "count", "weight", "collect"];
        var map = new MappingReader(file, node, $"a condition in {where}", itemKeys, key => Misplaced(key, section));
        var kinds = KindKeys.Where(map.Has).ToList();
        if (kinds.Count != 1)
        {
            var message = kinds.Count == 0 ? $"a condition in {where} names no fact kind" : $"a condition in {where} names {kinds.Count} fact kinds ({string.Join(", ", kinds)})";
            file.Error(LoaderCodes.FactKind, kinds.Count == 0 ? map.Span : map.KeySpan(kinds[1]), message,
                "start each condition with exactly one of log, resource, config, file, bundle or fact; put a second one in its own item");
            return null;
        }

        var kindKey = kinds[0];
        var kind = Enum.Parse<FactKind>(kindKey, ignoreCase: true);
        var body = map.Mapping(kindKey, $"write {kindKey}: {{ ... }}");
        if (body is null)
        {
            return null;
        }

        var settings = new MappingReader(file, body, $"{kindKey}", [.. Settings[kind], "where"], key => MisplacedSetting(key, kind));
        var properties = new Dictionary<string, Located<string>>(StringComparer.Ordinal);
        foreach (var key in Settings[kind].Where(k => k is not ("absent" or "anywhere")))
        {
            if (settings.Text(key) is { } value)
            {
                properties[key] = value;
            }
        }

        if (kind == FactKind.Log && settings.Bool("anywhere") is { } anywhere)
        {
            properties["anywhere"] = new Located<string>(anywhere.Value ? "true" : "false", anywhere.Span);
        }

        if (section != ConditionSection.When && !map.Has("weight"))
        {
            map.Missing("weight", "add weight: <0..1>, how much finding it moves the confidence, e.g. weight: 0.3");
        }

        if (kind == FactKind.Fact && !properties.ContainsKey("name"))
        {
            settings.Missing("name", "name the derived fact, e.g. fact: { name: host_offline }");
        }

        return new ConditionModel(map.Span, new Located<FactKind>(kind, map.KeySpan(kindKey)))
        {
            Name = ReadName(map),
            Properties = properties,
            Where = settings.Text("where"),
            Absent = settings.Bool("absent"),
            Count = ReadCount(map),
            Weight = map.Number("weight"),
            Collect = map.Text("collect"),
            Signature = map.Bool("signature"),
        };
    }

    private Located<string>? ReadName(MappingReader map)
    {
        if (map.Text("as") is not { } name)
        {
            return null;
        }

        if (!NamePattern().IsMatch(name.Value))
        {
            file.Error(LoaderCodes.BadName, name.Span, $"'{name.Value}' is not a valid name for 'as'",
                "use lower-case letters, digits and '_', starting with a letter, e.g. as: conflict");
            return null;
        }

        return name;
    }

    private CountModel? ReadCount(MappingReader map)
    {
        if (map.Mapping("count") is not { } node)
        {
            return null;
        }

        var count = new MappingReader(file, node, "count", ["at_least", "within"]);
        Located<int>? atLeast = null;
        if (count.Number("at_least", "add at_least: <how many matching facts are needed>, e.g. at_least: 5") is { } number)
        {
            if (number.Value < 1 || number.Value != Math.Floor(number.Value))
            {
                file.Error(LoaderCodes.OutOfRange, number.Span, $"at_least must be a whole number of 1 or more, found {number.Value}", "write e.g. at_least: 3");
            }
            else
            {
                atLeast = new Located<int>((int)number.Value, number.Span);
            }
        }

        Located<TimeSpan>? within = null;
        if (count.Text("within") is { } text)
        {
            if (DurationSyntax.TryParse(text.Value, out var length, out var error, out var fix) && length > TimeSpan.Zero)
            {
                within = new Located<TimeSpan>(length, text.Span);
            }
            else
            {
                file.Error(LoaderCodes.BadDuration, text.Span, $"within must be a duration: {error ?? $"'{text.Value}' is no time at all"}",
                    fix ?? "write a length above zero, e.g. within: 3m or 1h30m");
            }
        }

        return new CountModel(count.Span, atLeast, within);
    }

    private static string? Misplaced(string key, ConditionSection section) => key switch
    {
        "weight" when section == ConditionSection.When =>
            "'weight' belongs to evidence and against items; a when condition is required, so it has no weight — move the item to evidence: or remove 'weight'",
        "signature" =>
            "'signature' marks a when condition that singles the failure out; evidence and against items are optional already — move the item to when: or remove 'signature'",
        "where" or "source" or "contains" or "regex" or "kind" or "key" or "path" =>
            $"'{key}' belongs inside the fact kind's mapping, e.g. log: {{ {key}: ... }}",
        "name" => "use 'as' to name a condition; inside fact: {{ name: ... }} 'name' names the derived fact",
        _ => null,
    };

    private static string? MisplacedSetting(string key, FactKind kind)
    {
        var close = NameSuggestions.Closest(key, [.. Settings[kind], "where"]);
        var owner = Settings.FirstOrDefault(s => s.Value.Contains(key)).Key;
        var elsewhere = Settings.Any(s => s.Value.Contains(key)) && owner != kind
            ? $"'{key}' is a setting of {owner.ToString().ToLowerInvariant()} conditions; "
            : key is "as" or "count" or "weight" or "collect" ? $"'{key}' belongs to the item, next to {kind.ToString().ToLowerInvariant()}:, not inside it; " : "";
        return $"{close}{elsewhere}{kind.ToString().ToLowerInvariant()} takes {string.Join(", ", [.. Settings[kind], "where"])}";
    }

    [GeneratedRegex("^[a-z][a-z0-9_]*$")]
    private static partial Regex NamePattern();
}
