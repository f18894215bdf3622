using KnowledgeEngine.Rules.Model;
using YamlDotNet.RepresentationModel;

namespace KnowledgeEngine.Rules.Loading;

/// <summary>Reads one item of examples: name, expect, and the facts as inline files, a bundle path or a real case.</summary>
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

        var map = new MappingReader(file, node, "an example", ["name", "expect", "files", "bundle", "case", "captures", "also", "missing", "rank"]);
        var expect = map.Enum<ExampleExpectation>("expect", out var expectSpan, "add expect: fires, expect: suspected or expect: silent");
        var example = new ExampleModel(map.Span)
        {
            Name = map.Text("name", "add name: <what the example shows>"),
            Expect = expect is { } e ? new Located<ExampleExpectation>(e, expectSpan) : null,
            Files = Pairs(map, "files"),
            Bundle = map.Text("bundle"),
            Case = map.Text("case"),
            Captures = Pairs(map, "captures"),
            Also = map.List("also").Select(a => RuleReader.ScalarItem(file, a, "a rule id in also")).OfType<Located<string>>().ToList(),
            Rank = map.Number("rank"),
            Missing = map.List("missing").Select(a => RuleReader.ScalarItem(file, a, "a condition name in missing")).OfType<Located<string>>().ToList(),
        };
        var sources = new[] { "files", "bundle", "case" }.Where(map.Has).ToList();
        if (sources.Count == 0)
        {
            map.Missing("files", "give the facts as files: { path/in/bundle.log: | <lines> }, point at a bundle with bundle: rules/<platform>/examples/... or at a real case with case: tests/real-cases/<id>.yaml");
        }
        else if (sources.Count > 1)
        {
            file.Error(LoaderCodes.ExampleFacts, map.KeySpan(sources[1]), $"an example has both {sources[0]} and {sources[1]}",
                "keep one: inline files for a small example, a bundle path for a collected one, or a real case");
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
