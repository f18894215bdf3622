using System.CommandLine;
using KnowledgeEngine.Cli.KnowledgeBase;
using KnowledgeEngine.Diagnosis;
using KnowledgeEngine.Facts;

namespace KnowledgeEngine.Cli.Commands;

/// <summary>`kb diff BEFORE AFTER`: diagnoses two bundles of the same system, before and after a
/// fix, and says which causes cleared, which remain and which are new. Exit 0 when nothing
/// remains or appeared, 2 otherwise (scripts can check a runbook worked), 1 on error.</summary>
internal static class DiffCommand
{
    public static Command Create()
    {
        var before = new Argument<string>("before") { Description = "The bundle collected before the fix (- for standard input)" };
        var after = new Argument<string>("after") { Description = "The bundle collected after the fix (- for standard input)" };
        var rules = CommonOptions.Rules();
        var command = new Command("diff", "Compare the diagnoses of a bundle before and after a fix: cleared, remaining, new causes.");
        command.Arguments.Add(before);
        command.Arguments.Add(after);
        command.Options.Add(rules);
        command.SetAction(parseResult =>
        {
            var ruleSet = LoadedKnowledge.Load("diff", parseResult.GetValue(rules), Console.Error)?.Rules;
            if (ruleSet is null)
            {
                return 1;
            }

            try
            {
                DiagnosisResult Diagnose(string path)
                {
                    using var bundle = Bundle.Open([path], standardInput: CommonOptions.StandardInput);
                    return Diagnoser.Diagnose(ruleSet, bundle);
                }

                var diff = DiagnosisDiff.Compare(Diagnose(parseResult.GetValue(before)!), Diagnose(parseResult.GetValue(after)!));
                Write("cleared", diff.Cleared);
                Write("remaining", diff.Remaining.Select(r => r.After).ToList());
                Write("new", diff.New);
                Console.WriteLine($"{diff.Cleared.Count} cleared, {diff.Remaining.Count} remaining, {diff.New.Count} new");
                return diff.Remaining.Count + diff.New.Count == 0 ? 0 : 2;
            }
            catch (BundleException e)
            {
                Console.Error.WriteLine($"kb diff: {e.Message}");
                return 1;
            }
        });
        return command;
    }

    private static void Write(string heading, IReadOnlyList<Hypothesis> causes)
    {
        Console.WriteLine($"{heading}:");
        if (causes.Count == 0)
        {
            Console.WriteLine("  (none)");
        }

        foreach (var h in causes)
        {
            var values = string.Join(", ", h.Fired.Values.OrderBy(v => v.Key, StringComparer.Ordinal).Select(v => $"{v.Key}={v.Value}"));
            Console.WriteLine($"  {h.RuleId} ({h.Confidence:P0}, {h.Severity.ToString().ToLowerInvariant()}) {values}");
        }
    }
}
