using System.Text.Json;
using KnowledgeEngine.Facts;
using KnowledgeEngine.Rules;

namespace KnowledgeEngine.Tests.Rules;

/// <summary>Loads rules from text and builds facts as the bundle reader would.</summary>
internal static class RuleHarness
{
    public static RuleSet Load(params string[] files)
    {
        using var folder = new TempRules();
        for (var i = 0; i < files.Length; i++)
        {
            folder.Write($"r{i}.yaml", files[i]);
        }

        var rules = RuleSet.Load(folder.Path, RepositoryPaths.Root);
        Assert.False(rules.HasErrors, string.Join("\n", rules.Diagnostics));
        return rules;
    }

    public static LogFact Log(string text, string source = "logs/host.log", int line = 1, DateTimeOffset? time = null) =>
        new() { Source = source, Line = line, Text = text, Message = text, Format = "plain", Timestamp = time };

    public static ResourceFact Resource(string kind, string json, string source = "api/hosts.json", int line = 1)
    {
        var element = JsonDocument.Parse(json).RootElement.Clone();
        return new ResourceFact
        {
            Source = source, Line = line, ResourceKind = kind, Object = element,
            Name = element.TryGetProperty("name", out var name) ? name.GetString() : null,
        };
    }

    public static BundleFact Bundle(string platform = "cloudpods") => new() { Source = "", Layout = "plain", Platform = platform };
}
