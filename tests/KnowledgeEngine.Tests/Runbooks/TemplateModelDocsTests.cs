using System.Reflection;
using System.Text.RegularExpressions;
using KnowledgeEngine.Runbooks;
using Scriban.Runtime;
using Scriban.Syntax;

namespace KnowledgeEngine.Tests.Runbooks;

/// <summary>docs/runbooks.md, the model records and the shipped templates must not drift apart:
/// every name a shipped template reads and every member of the model is documented.</summary>
public sealed class TemplateModelDocsTests
{
    // Scriban's own function objects, the loop's special object and the size of a list; documented by Scriban.
    private static readonly HashSet<string> Builtins = ["array", "string", "math", "object", "date", "html", "regex", "timespan", "for", "size"];

    private static readonly HashSet<string> Documented = Regex
        .Matches(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "docs", "runbooks.md")), @"`(?:md\.)?([a-z_]+)`")
        .Select(m => m.Groups[1].Value).ToHashSet();

    public static TheoryData<string> Templates() => new(RunbookTemplate.BuiltInNames);

    [Theory]
    [MemberData(nameof(Templates))]
    public void ShippedTemplate_ReadsOnlyDocumentedNames(string name)
    {
        var used = new NameCollector();
        used.Walk(RunbookTemplate.BuiltIn(name).Page);

        var undocumented = used.Names.Except(used.LoopVariables).Except(Builtins).Where(n => !Documented.Contains(n)).Order().ToList();

        Assert.True(undocumented.Count == 0, $"{name} reads {string.Join(", ", undocumented)}, which docs/runbooks.md does not list");
        Assert.NotEmpty(used.Names);
    }

    [Fact]
    public void EveryModelMember_IsDocumented()
    {
        var types = typeof(RunbookTemplate).Assembly.GetTypes()
            .Where(t => t.Namespace is "KnowledgeEngine.Runbooks.Model" or "KnowledgeEngine.Reports.Model" && (t.Name.EndsWith("View") || t.Name.EndsWith("Model")));
        var members = types.SelectMany(t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance))
            .Where(p => p.GetCustomAttribute<ScriptMemberIgnoreAttribute>() is null)
            .Select(p => StandardMemberRenamer.Rename(p.Name))
            .Concat(typeof(RunbookTemplate).Assembly.GetType("KnowledgeEngine.Runbooks.MarkdownFunctions")!
                .GetMethods(BindingFlags.Public | BindingFlags.Static).Select(m => StandardMemberRenamer.Rename(m.Name)));

        var undocumented = members.Distinct().Where(n => !Documented.Contains(n)).Order().ToList();

        Assert.True(undocumented.Count == 0, $"docs/runbooks.md does not list {string.Join(", ", undocumented)}");
        Assert.True(types.Count() >= 10, "the model types were not found; did their namespace move?");
    }

    /// <summary>The variables and members a template reads, apart from the members of Scriban's
    /// built-in objects (string.upcase and the like).</summary>
    private sealed class NameCollector
    {
        public HashSet<string> Names { get; } = [];

        public HashSet<string> LoopVariables { get; } = [];

        public void Walk(ScriptNode? node)
        {
            switch (node)
            {
                case null:
                    return;
                case ScriptForStatement loop when loop.Variable is ScriptVariable variable:
                    LoopVariables.Add(variable.Name);
                    break;
                case ScriptVariable variable:
                    Names.Add(variable.Name);
                    break;
                case ScriptMemberExpression member when member.Target is ScriptVariable target && Builtins.Contains(target.Name):
                    return;
                case ScriptMemberExpression member:
                    Names.Add(member.Member?.Name ?? "");
                    break;
            }

            for (var i = 0; i < node.ChildrenCount; i++)
            {
                Walk(node.GetChildren(i));
            }
        }
    }
}
