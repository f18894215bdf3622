using System.CommandLine;
using KnowledgeEngine.Cli.KnowledgeBase;
using KnowledgeEngine.Cli.Rendering;
using KnowledgeEngine.Diagnosis;
using KnowledgeEngine.Facts;
using KnowledgeEngine.Reports;
using KnowledgeEngine.Rules;
using KnowledgeEngine.Rules.Model;
using Spectre.Console;

namespace KnowledgeEngine.Cli.Commands;

/// <summary>`kb diagnose BUNDLE`: ranked root causes with evidence and fixes. Exit codes: 0 the
/// run succeeded (whatever it found), 1 an error (bad bundle, bad rules), 2 a cause at or above
/// --fail-on was found.</summary>
internal static class DiagnoseCommand
{
    public static Command Create()
    {
        var bundle = new Argument<string>("bundle") { Description = "The collected bundle: a folder or an archive (.zip, .tar, .tar.gz, .tar.xz)" };
        var rules = new Option<string?>("--rules") { Description = "A folder of extra rule files; a file with the same relative path as a built-in one replaces it" };
        var format = new Option<string>("--format") { Description = "table, json", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "json");
        var explain = new Option<bool>("--explain") { Description = "Show how each confidence was reached and the values the rules captured" };
        var failOn = new Option<string?>("--fail-on") { Description = "Exit 2 when a cause of this severity or higher is found: info, low, medium, high, critical" };
        failOn.AcceptOnlyFromAmong("info", "low", "medium", "high", "critical");
        var command = new Command("diagnose", "Find the likely root causes in a collected bundle, best first, with evidence and fixes.");
        command.Arguments.Add(bundle);
        command.Options.Add(rules);
        command.Options.Add(format);
        command.Options.Add(explain);
        command.Options.Add(failOn);
        command.SetAction(parseResult =>
        {
            var bundlePath = parseResult.GetValue(bundle)!;
            var ruleSet = KnowledgeBaseLoader.Load(parseResult.GetValue(rules), "kb diagnose");
            if (ruleSet is null)
            {
                return 1;
            }

            DiagnosisResult result;
            try
            {
                using var opened = Bundle.Open(bundlePath);
                result = Diagnoser.Diagnose(ruleSet, opened);
            }
            catch (BundleException e)
            {
                Console.Error.WriteLine($"kb diagnose: {e.Message}");
                return 1;
            }

            if (parseResult.GetValue(format) == "json")
            {
                Console.Out.Write(JsonReport.Render(result));
            }
            else
            {
                DiagnosisTable.Write(AnsiConsole.Console, result, parseResult.GetValue(explain));
            }

            return parseResult.GetValue(failOn) is { } threshold
                   && result.Causes.Any(c => c.Severity >= Enum.Parse<Severity>(threshold, ignoreCase: true)) ? 2 : 0;
        });
        return command;
    }
}
