using KnowledgeEngine.Cli.KnowledgeBase;
using System.CommandLine;
using KnowledgeEngine.Rules;
using KnowledgeEngine.Rules.Validation;

namespace KnowledgeEngine.Cli.Commands;

/// <summary>`kb lint [PATHS]`: loads rule files and reports every error and style warning.</summary>
internal static class LintCommand
{
    public static Command Create()
    {
        var paths = new Argument<string[]>("paths") { Description = "Rule files or folders (searched for *.yaml, example bundles left out); default: the rules/ of the knowledge base around the current folder, else the rules built into kb", Arity = ArgumentArity.ZeroOrMore };
        var format = new Option<string>("--format") { Description = "text (file:line:col lines) or json", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json");
        var command = new Command("lint", "Check rule files: errors fail (exit 1); warnings flag missing examples, collect hints and knowledge links.");
        var codeRules = CommonOptions.CodeRules();
        command.Arguments.Add(paths);
        command.Options.Add(codeRules);
        command.Options.Add(format);
        command.SetAction(parseResult =>
        {
            if (CodeRuleAssemblies.Load("lint", parseResult.GetValue(codeRules), Console.Error) is not { } code)
            {
                return 1;
            }

            var (rules, source) = KnowledgeRoot.Load(parseResult.GetValue(paths), code);
            // On standard error, so that --format json and --junit output stay what they are.
            Console.Error.WriteLine($"kb lint: checking {source}");
            var diagnostics = rules.Lint();
            if (parseResult.GetValue(format) == "json")
            {
                DiagnosticOutput.WriteJson(Console.Out, diagnostics);
            }
            else
            {
                DiagnosticOutput.WriteText(Console.Out, diagnostics);
                var errors = diagnostics.Count(d => d.Severity == DiagnosticSeverity.Error);
                Console.Out.WriteLine($"{DiagnosticOutput.Count(rules.FileCount, "rule")} checked: " +
                    $"{DiagnosticOutput.Count(errors, "error")}, {DiagnosticOutput.Count(diagnostics.Count - errors, "warning")}");
            }

            return rules.HasErrors ? 1 : 0;
        });
        return command;
    }
}
