using KnowledgeEngine.Rules.Model;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace KnowledgeEngine.Rules.Loading;

/// <summary>Reads one rule file into a <see cref="RuleModel"/>, reporting every shape mistake
/// of the file (unknown keys, missing fields, wrong value types) in one pass.</summary>
internal static class RuleReader
{
    private static readonly string[] TopKeys =
        ["id", "title", "platform", "severity", "knowledge", "tags", "when", "evidence", "against", "cause", "fix", "verify", "derive", "examples"];

    /// <summary>The first tab in a line's leading whitespace at or after <paramref name="fromLine"/> (1-based).</summary>
    private static (int Line, int Column)? IndentingTab(string text, int fromLine)
    {
        var lines = text.ReplaceLineEndings("\n").Split('\n');
        for (var i = Math.Max(0, fromLine - 1); i < lines.Length; i++)
        {
            var indent = lines[i].Length - lines[i].TrimStart(' ', '\t').Length;
            var tab = lines[i].IndexOf('\t', 0, indent);
            if (tab >= 0)
            {
                return (i + 1, tab + 1);
            }
        }

        return null;
    }

    public static RuleModel? Read(FileContext file)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(file.Text));
        }
        catch (YamlException e)
        {
            var message = e.InnerException?.Message ?? e.Message;
            var (code, fix) = message.Contains("Duplicate key", StringComparison.OrdinalIgnoreCase)
                ? (LoaderCodes.DuplicateKey, "each key may appear once in a mapping: remove or merge the second one")
                : (LoaderCodes.YamlSyntax, "check the indentation and quoting around this position; quote values that contain ': ' or start with { [ * & ! | > ' \" % @ `");
            var span = YamlSpans.Of(file.Path, e.Start, e.End);
            if (message.Contains("tab", StringComparison.OrdinalIgnoreCase) && IndentingTab(file.Text, span.Line) is { } tab)
            {
                // YamlDotNet reports a tab in indentation at the start of the enclosing mapping.
                span = new SourceSpan(file.Path, tab.Line, tab.Column, tab.Line, tab.Column + 1);
                fix = "YAML indents with spaces only: replace the tab with spaces";
            }

            file.Error(code, span, $"the file is not valid YAML: {Clean(message)}", fix);
            return null;
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException)
        {
            // YamlDotNet can fail on mangled bytes without a YamlException or a position (found by fuzzing).
            file.Error(LoaderCodes.YamlSyntax, new SourceSpan(file.Path, 1, 1, 1, 1), $"the file is not valid YAML: the parser stopped ({e.Message.TrimEnd('.')})",
                "check the file is a text YAML file; look for stray control characters or bytes from a bad copy");
            return null;
        }

        if (stream.Documents.Count != 1 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            var found = stream.Documents.Count == 0 ? "nothing" : stream.Documents.Count > 1 ? $"{stream.Documents.Count} documents" : YamlSpans.Describe(stream.Documents[0].RootNode);
            var at = stream.Documents.Count == 1 ? file.Span(stream.Documents[0].RootNode) : new SourceSpan(file.Path, 1, 1, 1, 1);
            file.Error(LoaderCodes.WrongShape, at, $"a rule file holds one mapping (id, title, when, ...), found {found}",
                "write one rule per file, starting with 'id: <platform>/<name>'");
            return null;
        }

        var map = new MappingReader(file, root, "the rule", TopKeys);
        var conditions = new ConditionReader(file);
        var templates = new TemplateParser(file);
        return new RuleModel(file.Span(root))
        {
            Id = map.Text("id", "add id: <platform>/<scenario>, e.g. id: cloudpods/host-mac-changed"),
            Title = map.Text("title", "add title: <one line that names the scenario>"),
            Platform = map.Text("platform", "add platform: <cloudpods | harvester | cloudstack | talos | kubernetes | linux>"),
            Severity = map.Enum<Severity>("severity", out var severitySpan, "add severity: critical, high, medium, low or info") is { } severity
                ? new Located<Severity>(severity, severitySpan)
                : null,
            Knowledge = map.Text("knowledge"),
            Tags = map.List("tags").Select(t => ScalarItem(file, t, "a tag")).OfType<Located<string>>().ToList(),
            When = Conditions(map, conditions, "when", ConditionSection.When),
            Evidence = Conditions(map, conditions, "evidence", ConditionSection.Evidence),
            Against = Conditions(map, conditions, "against", ConditionSection.Against),
            Cause = ReadCause(map, templates),
            Fix = map.List("fix").Select(t => templates.Parse(ScalarItem(file, t, "a fix step"))).OfType<Located<Template>>().ToList(),
            Verify = map.List("verify").Select(t => templates.Parse(ScalarItem(file, t, "a verify step"))).OfType<Located<Template>>().ToList(),
            Derive = ReadDerive(map, templates),
            Examples = map.List("examples").Select(e => new ExampleReader(file).Read(e)).OfType<ExampleModel>().ToList(),
        };
    }

    private static IReadOnlyList<ConditionModel> Conditions(MappingReader map, ConditionReader reader, string key, ConditionSection section)
    {
        var items = map.List(key);
        if (section == ConditionSection.When && map.Has(key) && items.Count == 0 && map.Value(key) is YamlSequenceNode or YamlScalarNode)
        {
            map.File.Error(LoaderCodes.MissingField, map.KeySpan(key), "'when' has no conditions",
                "list at least one condition, e.g. - log: { contains: 'error text' }");
        }
        else if (section == ConditionSection.When && !map.Has(key))
        {
            map.Missing("when", "add when: with at least one condition, e.g. - log: { contains: 'error text' }");
        }

        return items.Select(item => reader.Read(item, section)).OfType<ConditionModel>().ToList();
    }

    private static CauseModel? ReadCause(MappingReader map, TemplateParser templates)
    {
        if (map.Mapping("cause", "add cause: { summary: <what is wrong>, confidence: 0.7 }") is not { } node)
        {
            return null;
        }

        var cause = new MappingReader(map.File, node, "cause", ["summary", "detail", "confidence"]);
        var summary = cause.Text("summary", "add summary: <one sentence naming the cause>");
        var detail = cause.Text("detail");
        return new CauseModel(cause.Span, summary, detail,
            cause.Number("confidence", "add confidence: <prior confidence 0..1 that the cause is right when the conditions hold>, e.g. 0.7"))
        {
            SummaryTemplate = templates.Parse(summary),
            DetailTemplate = templates.Parse(detail),
        };
    }

    private static DeriveModel? ReadDerive(MappingReader map, TemplateParser templates)
    {
        if (map.Value("derive") is null)
        {
            return null;
        }

        if (map.Mapping("derive") is not { } node)
        {
            return null;
        }

        var fields = new List<DeriveField>();
        Located<string>? fact = null;
        foreach (var (keyNode, value) in node.Children)
        {
            if (keyNode is not YamlScalarNode { Value: { } key } keyScalar)
            {
                continue;
            }

            var located = ScalarItem(map.File, value, $"field '{key}' of derive");
            if (key == "fact")
            {
                fact = located;
            }
            else if (located is not null && templates.Parse(located) is { } template)
            {
                fields.Add(new DeriveField(new Located<string>(key, map.File.Span(keyScalar)), template));
            }
        }

        if (fact is null)
        {
            map.File.Error(LoaderCodes.MissingField, node, "derive has no 'fact'", "name the derived fact, e.g. derive: { fact: host_identity_changed, host: '{{ host.name }}' }");
        }

        return new DeriveModel(map.File.Span(node), fact, fields);
    }

    /// <summary>A scalar list item or value; anything else is reported.</summary>
    public static Located<string>? ScalarItem(FileContext file, YamlNode node, string what)
    {
        if (node is YamlScalarNode scalar)
        {
            return new Located<string>(file.Shared(scalar.Value ?? ""), file.Span(scalar));
        }

        file.Error(LoaderCodes.WrongShape, node, $"{what} must be text, found {YamlSpans.Describe(node)}", "quote it if it contains ': ' or starts with { or [");
        return null;
    }

    private static string Clean(string message)
    {
        // YamlDotNet prefixes positions the diagnostic already carries.
        var at = message.IndexOf("): ", StringComparison.Ordinal);
        return (message.StartsWith('(') && at > 0 ? message[(at + 3)..] : message).TrimEnd('.');
    }
}

internal enum ConditionSection
{
    When,
    Evidence,
    Against,
}
