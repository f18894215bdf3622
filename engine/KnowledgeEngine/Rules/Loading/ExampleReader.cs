using KnowledgeEngine.Rules.Model;
using YamlDotNet.RepresentationModel;

namespace KnowledgeEngine.Rules.Loading;

/// <summary>Reads one item of examples: name, expect, and the facts as inline files or a bundle path.</summary>
internal sealed class ExampleReader(FileContext file)
{
    public ExampleModel? Read(YamlNode item)
    {
        if (item is not YamlMappingNode node)
        {
            file.Error(LoaderCodes.WrongShape, item, $"an example must be a mapping, found {YamlSpans.Describe(item)}",
                "write - name: ..., expect: fires, files: { ... }");
            return null;
        }

        var map = new MappingReader(file, node, "an example", ["name", "expect", "files", "bundle", "captures", "also", "missing"]);
        var expect = map.Enum<ExampleExpectation>("expect", out var expectSpan, "add expect: fires, expect: suspected or expect: silent");
        var example = new ExampleModel(map.Span)
        {
            Name = map.Text("name", "add name: <what the example shows>"),
            Expect = expect is { } e ? new Located<ExampleExpectation>(e, expectSpan) : null,
            Files = Pairs(map, "files"),
            Bundle = map.Text("bundle"),
            Captures = Pairs(map, "captures"),
            Also = map.List("also").Select(a => RuleReader.ScalarItem(file, a, "a rule id in also")).OfType<Located<string>>().ToList(),
            Missing = map.List("missing").Select(a => RuleReader.ScalarItem(file, a, "a condition name in missing")).OfType<Located<string>>().ToList(),
        };
        if (!map.Has("files") && !map.Has("bundle"))
        {
            map.Missing("files", "give the facts as files: { path/in/bundle.log: | <lines> } or point at a bundle with bundle: tests/bundles/...");
        }
        else if (map.Has("files") && map.Has("bundle"))
        {
            file.Error(LoaderCodes.ExampleFacts, map.KeySpan("bundle"), "an example has both files and bundle",
                "keep one: inline files for a small example, or a bundle path for a collected one");
        }

        return example;
    }

    private List<(Located<string>, Located<string>)> Pairs(MappingReader map, string key)
    {
        if (map.Mapping(key) is not { } node)
        {
            return [];
        }

        var pairs = new List<(Located<string>, Located<string>)>();
        foreach (var (k, v) in node.Children)
        {
            var name = RuleReader.ScalarItem(file, k, $"a key of {key}");
            var value = RuleReader.ScalarItem(file, v, $"the value of '{(k as YamlScalarNode)?.Value}' in {key}");
            if (name is not null && value is not null)
            {
                pairs.Add((name, value));
            }
        }

        return pairs;
    }
}
