using System.Text.RegularExpressions;

namespace KnowledgeEngine.Tests.Architecture;

/// <summary>
/// The knowledge base's folders show its flow, and imports run one way along it:
/// Facts → Retrieval → Rules → Diagnosis → Evaluation → Runbooks → Reports (every renderer of a
/// diagnosis reads the one report model and may use the runbook templates and articles). A file may name a folder of
/// an earlier layer, never one of its own layer's siblings or a later layer.
/// </summary>
public sealed partial class FolderDependencyTests
{
    private static readonly string[][] Layers =
    [
        ["Facts"], ["Retrieval"], ["Rules"], ["Diagnosis"], ["Evaluation"], ["Runbooks"], ["Reports"],
    ];

    private static readonly string Source = Path.Combine(RepositoryPaths.Root, "engine", "KnowledgeEngine");

    [Fact]
    public void Every_top_level_folder_has_a_place_in_the_flow()
    {
        var folders = Directory.GetDirectories(Source).Select(Path.GetFileName)
            .Where(name => name is not ("bin" or "obj")).Order(StringComparer.Ordinal);

        Assert.Equal(Layers.SelectMany(l => l).Order(StringComparer.Ordinal), folders);
    }

    [Fact]
    public void No_file_names_a_folder_later_in_the_flow_or_beside_it()
    {
        var wrong = new List<string>();
        foreach (var (folder, layer) in Layers.SelectMany((names, i) => names.Select(n => (n, i))))
        {
            var forbidden = Layers.SelectMany((names, i) => names.Where(n => n != folder && i >= layer)).ToHashSet();
            foreach (var file in Directory.EnumerateFiles(Path.Combine(Source, folder), "*.cs", SearchOption.AllDirectories))
            {
                var lines = File.ReadAllLines(file);
                for (var n = 0; n < lines.Length; n++)
                {
                    foreach (Match named in FolderReference().Matches(lines[n]))
                    {
                        if (forbidden.Contains(named.Groups["folder"].Value))
                        {
                            wrong.Add($"{Path.GetRelativePath(Source, file)}:{n + 1}: {folder} names {named.Groups["folder"].Value}: {lines[n].Trim()}");
                        }
                    }
                }
            }
        }

        Assert.True(wrong.Count == 0, "imports against the flow:\n" + string.Join('\n', wrong));
    }

    [Fact]
    public void The_check_sees_a_using_and_a_qualified_name()
    {
        Assert.Equal("Runbooks", FolderReference().Match("using KnowledgeEngine.Runbooks;").Groups["folder"].Value);
        Assert.Equal("Reports", FolderReference().Match("var page = Reports.HtmlPage.Render(x);").Groups["folder"].Value);
        Assert.DoesNotMatch(FolderReference(), "var count = set.Rules.Count;");
    }

    // `using KnowledgeEngine.X`, `KnowledgeEngine.X.Type` or `X.Type` (a sibling namespace named from
    // inside KnowledgeEngine); a member access such as `set.Rules.Count` is not a folder.
    [GeneratedRegex(@"(?:\bKnowledgeEngine\.|(?<![\w.]))(?<folder>Facts|Retrieval|Rules|Diagnosis|Evaluation|Reports|Runbooks)\.[A-Z]|\busing KnowledgeEngine\.(?<folder>Facts|Retrieval|Rules|Diagnosis|Evaluation|Reports|Runbooks)\b")]
    private static partial Regex FolderReference();
}
