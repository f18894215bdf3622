using System.Text;
using KnowledgeEngine.Diagnosis;
using KnowledgeEngine.Facts;
using KnowledgeEngine.Rules;
using Xunit.Abstractions;
using YamlDotNet.RepresentationModel;

namespace KnowledgeEngine.Tests.Diagnosis;

/// <summary>
/// The knowledge pack's cross-check: every example bundle under tests/bundles is diagnosed with
/// the whole knowledge base. The first rule its bundle.yaml expects must rank first; a bundle that
/// expects nothing must yield no cause, confirmed or suspected; and no cause outside the expected list may appear. The
/// confusion table (bundle × top cause) is printed with the test output.
/// </summary>
public class CrossCheckTests(ITestOutputHelper output)
{
    private static readonly RuleSet Rules = RuleSet.Load(Path.Combine(RepositoryPaths.Root, "rules"), RepositoryPaths.Root);

    private static IEnumerable<string> Bundles() =>
        Directory.EnumerateFiles(Path.Combine(RepositoryPaths.Root, "tests", "bundles"), "bundle.yaml", SearchOption.AllDirectories)
            .Select(manifest => Path.GetRelativePath(Path.Combine(RepositoryPaths.Root, "tests", "bundles"), Path.GetDirectoryName(manifest)!).Replace('\\', '/'))
            .Order(StringComparer.Ordinal);

    [Fact]
    public void Every_example_bundle_ranks_its_expected_cause_first()
    {
        var table = new StringBuilder($"{"bundle",-62} {"expected first",-46} top cause\n");
        var failures = new List<string>();
        foreach (var bundle in Bundles())
        {
            var expected = Expected(bundle);
            using var opened = Bundle.Open(Path.Combine(RepositoryPaths.Root, "tests", "bundles", bundle));
            var causes = Diagnoser.Diagnose(Rules, opened).Causes;
            var top = causes.FirstOrDefault() is { } first ? $"{first.RuleId} ({first.Status.ToString().ToLowerInvariant()})" : "—";
            table.Append($"{bundle,-62} {expected.FirstOrDefault() ?? "—",-46} {top}\n");
            if (expected.Count == 0 && causes.Count > 0)
            {
                failures.Add($"{bundle}: expected no cause, got {string.Join(", ", causes.Select(c => c.RuleId))}");
            }
            else if (expected.Count > 0 && causes.FirstOrDefault()?.RuleId != expected[0])
            {
                failures.Add($"{bundle}: expected {expected[0]} first, got {string.Join(" > ", causes.Select(c => $"{c.RuleId} {c.Status} {c.Confidence:0.00}"))}");
            }

            failures.AddRange(causes.Where(c => !expected.Contains(c.RuleId)).Select(c => $"{bundle}: unexpected cause {c.RuleId}"));
        }

        output.WriteLine(table.ToString());
        Assert.True(failures.Count == 0, string.Join("\n", failures) + "\n\n" + table);
    }

    private static IReadOnlyList<string> Expected(string bundle)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "tests", "bundles", bundle, "bundle.yaml"))));
        var root = (YamlMappingNode)stream.Documents[0].RootNode;
        return root.Children.TryGetValue(new YamlScalarNode("expect"), out var node) && node is YamlSequenceNode list
            ? list.Children.OfType<YamlScalarNode>().Select(s => s.Value!).ToList()
            : [];
    }
}
