using System.CommandLine;
using KnowledgeEngine.Cli.KnowledgeBase;
using KnowledgeEngine.Diagnosis.Examples;
using KnowledgeEngine.Reports;
using KnowledgeEngine.Rules;
using KnowledgeEngine.Rules.Model;

namespace KnowledgeEngine.Cli.Commands;

/// <summary>`kb test [PATHS]`: runs every rule's examples against all loaded rules, reports
/// pass/fail with the differences, coverage and cross-rule overlap.</summary>
internal static class TestCommand
{
    public static Command Create()
    {
        var paths = new Argument<string[]>("paths") { Description = "Rule files or folders (searched for *.yaml, example bundles left out); default: the rules/ of the knowledge base around the current folder, else the rules built into kb", Arity = ArgumentArity.ZeroOrMore };
        var engine = CommonOptions.Engine();
        var junit = new Option<string?>("--junit") { Description = "Also write the results as JUnit XML to this file." };
        var command = new Command("test", "Run the examples inside the rules; exit 1 when a rule does not load or an example fails.");
        var codeRules = CommonOptions.CodeRules();
        command.Arguments.Add(paths);
        command.Options.Add(codeRules);
        command.Options.Add(junit);
        command.Options.Add(engine);
        command.SetAction(parseResult =>
        {
            if (CodeRuleAssemblies.Load("test", parseResult.GetValue(codeRules), Console.Error) is not { } code)
            {
                return 1;
            }

            var (rules, source) = KnowledgeRoot.Load(parseResult.GetValue(paths), code);
            // On standard error, so that --format json and --junit output stay what they are.
            Console.Error.WriteLine($"kb test: checking {source}");
            if (rules.HasErrors)
            {
                DiagnosticOutput.WriteText(Console.Error, rules.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error));
                Console.Error.WriteLine("kb test: the rules above do not load; fix them first (kb lint shows every problem).");
                return 1;
            }

            var results = new ExampleRunner(CommonOptions.WithEngine(rules, parseResult.GetValue(engine)!)).RunAll().ToList();
            Print(Console.Out, results);
            PrintCoverage(Console.Out, rules.Rules, results);
            if (parseResult.GetValue(junit) is { } file && !ReportOutput.Write("test", file, JUnitReport.Examples(results), "--junit"))
            {
                return 1;
            }

            var notRun = results.Count(r => r.NotRun is not null);
            var failed = results.Count(r => r.Failed);
            Console.Out.WriteLine($"{DiagnosticOutput.Count(results.Count, "example")}: {results.Count - failed - notRun} passed, {failed} failed" +
                                  (notRun > 0 ? $", {notRun} not run (their bundles or cases are in the knowledge base's checkout, not in kb)" : ""));
            return failed > 0 ? 1 : 0;
        });
        return command;
    }

    private static void Print(TextWriter output, IEnumerable<ExampleResult> results)
    {
        foreach (var result in results)
        {
            if (result.Passed)
            {
                output.WriteLine($"PASS {result.Id}: {result.Name}");
                continue;
            }

            if (result.NotRun is { } why)
            {
                output.WriteLine($"SKIP {result.Span}: {result.Id}: {result.Name}: {why}");
                continue;
            }

            output.WriteLine($"FAIL {result.Span}: {result.Id}: {result.Name}");
            foreach (var problem in result.Problems)
            {
                output.WriteLine($"     {problem}");
            }
        }
    }

    private static void PrintCoverage(TextWriter output, IReadOnlyList<LoadedRule> rules, IReadOnlyList<ExampleResult> results)
    {
        List<string> Without(ExampleExpectation kind) =>
            rules.Where(r => !results.Any(x => x.Id == r.Id && x.Expectation == kind)).Select(r => r.Id).ToList();
        var noFiring = Without(ExampleExpectation.Fires);
        var noSilent = Without(ExampleExpectation.Silent);
        output.WriteLine($"coverage: {rules.Count - noFiring.Count}/{rules.Count} rules with a firing example, {rules.Count - noSilent.Count}/{rules.Count} with a silent example");
        foreach (var id in noFiring)
        {
            output.WriteLine($"  no firing example: {id}");
        }

        foreach (var id in noSilent)
        {
            output.WriteLine($"  no silent example: {id}");
        }
    }
}
