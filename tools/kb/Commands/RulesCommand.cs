using System.CommandLine;
using System.Text.Json;
using KnowledgeEngine.Cli.KnowledgeBase;

namespace KnowledgeEngine.Cli.Commands;

/// <summary>`kb rules`: the rules kb diagnose uses (the built-in ones, with --rules laid over them):
/// id, platform, severity and title, by id.</summary>
internal static class RulesCommand
{
    public static Command Create()
    {
        var rules = CommonOptions.Rules();
        var platform = new Option<string?>("--platform") { Description = "Only the rules of this platform: cloudpods, harvester, cloudstack, talos" };
        var format = new Option<string>("--format") { Description = "text (one rule a line) or json", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json");
        var command = new Command("rules", "List the rules kb diagnose uses: id, platform, severity and title.");
        command.Options.Add(rules);
        command.Options.Add(platform);
        command.Options.Add(format);
        command.SetAction(parseResult =>
        {
            var knowledge = LoadedKnowledge.Load("rules", parseResult.GetValue(rules), Console.Error);
            if (knowledge is null)
            {
                return 1;
            }

            var wanted = parseResult.GetValue(platform);
            var listed = knowledge.Rules.Rules.Where(r => wanted is null || string.Equals(r.Platform, wanted, StringComparison.OrdinalIgnoreCase))
                .OrderBy(r => r.Id, StringComparer.Ordinal).ToList();
            if (wanted is not null && listed.Count == 0)
            {
                var platforms = knowledge.Rules.Rules.Select(r => r.Platform).Distinct().Order(StringComparer.Ordinal);
                Console.Error.WriteLine($"kb rules: no rule of platform '{wanted}'; the platforms are {string.Join(", ", platforms)}.");
                return 1;
            }

            if (parseResult.GetValue(format) == "json")
            {
                var items = listed.Select(r => new { id = r.Id, platform = r.Platform, severity = r.Severity.ToString().ToLowerInvariant(), title = r.Title, knowledge = r.Knowledge });
                Console.Out.WriteLine(JsonSerializer.Serialize(items, new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
                return 0;
            }

            var width = listed.Count == 0 ? 0 : listed.Max(r => r.Id.Length);
            foreach (var r in listed)
            {
                Console.Out.WriteLine($"{r.Id.PadRight(width)}  {r.Platform,-10} {r.Severity.ToString().ToLowerInvariant(),-8} {r.Title}");
            }

            Console.Out.WriteLine($"{listed.Count} rule{(listed.Count == 1 ? "" : "s")}");
            return 0;
        });
        return command;
    }
}
