using System.CommandLine;
using KnowledgeEngine.Cli.KnowledgeBase;
using KnowledgeEngine.Cli.Rendering;
using KnowledgeEngine.Evaluation;
using KnowledgeEngine.Facts;
using KnowledgeEngine.Facts.Cases;
using KnowledgeEngine.Reports;

namespace KnowledgeEngine.Cli.Commands;

/// <summary>`kb eval DIR`: runs every real case of a folder through the rules and through the retrieval
/// baseline, and prints the per-case verdicts, top-1 / top-3 / false claims and the confusion table.
/// Exit codes: 0 the run succeeded, 1 an error (a case or the rules cannot be read), 2 the figures
/// broke the --ratchet record.</summary>
internal static class EvalCommand
{
    public static Command Create()
    {
        var folder = new Argument<string>("cases") { Description = "The folder of case files, e.g. tests/real-cases (format: tests/real-cases/README.md)" };
        var rules = CommonOptions.Rules();
        var engine = CommonOptions.Engine();
        var format = new Option<string>("--format") { Description = "table or json", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "json");
        var junit = new Option<string?>("--junit") { Description = "Also write one JUnit test case per real case to this file" };
        var ratchet = new Option<string?>("--ratchet") { Description = "Exit 2 when top-1 falls below, or false claims rise above, the figures recorded in this file (docs/accuracy.md)" };
        var command = new Command("eval", "Measure the knowledge base on real incidents: does the expected cause rank first, and does anything claim the cases no rule covers?");
        command.Arguments.Add(folder);
        command.Options.Add(rules);
        command.Options.Add(engine);
        command.Options.Add(format);
        command.Options.Add(junit);
        command.Options.Add(ratchet);
        command.SetAction(parseResult =>
        {
            var path = parseResult.GetValue(folder)!;
            if (!Directory.Exists(path))
            {
                Console.Error.WriteLine($"kb eval: '{path}' is not a folder; give the folder that holds the case files (tests/real-cases).");
                return 1;
            }

            var record = ReadRecord(parseResult.GetValue(ratchet));
            if (record is { Error: { } recordError })
            {
                Console.Error.WriteLine($"kb eval: {recordError}");
                return 1;
            }

            var cases = ReadCases(path);
            if (cases is null)
            {
                return 1;
            }

            var knowledge = LoadedKnowledge.Load("eval", parseResult.GetValue(rules), Console.Error);
            if (knowledge is null)
            {
                return 1;
            }

            var search = ArticleSearch.Build(knowledge.Articles);
            var evaluator = new CaseEvaluator(CommonOptions.WithEngine(knowledge.Rules, parseResult.GetValue(engine)!), search.Index, search.RulesByArticle);
            var results = new List<CaseResult>();
            foreach (var realCase in cases)
            {
                try
                {
                    results.Add(evaluator.Run(realCase));
                }
                catch (BundleException e)
                {
                    Console.Error.WriteLine($"kb eval: {realCase.File}: its files cannot be read as a bundle ({e.Message})");
                    return 1;
                }
            }

            var report = new EvalReport(results);
            var output = parseResult.GetValue(format) == "json" ? EvalJsonReport.Render(report) : EvalTextReport.Render(report);
            Console.Out.Write(output);
            if (parseResult.GetValue(junit) is { } file && !WriteJUnit(file, report))
            {
                return 1;
            }

            return record?.Record is { } recorded ? Check(recorded, report.Overall.Rules) : 0;
        });
        return command;
    }

    /// <summary>Every case of the folder, or null after printing each file that cannot be read (all of them, not the first only).</summary>
    private static List<RealCase>? ReadCases(string folder)
    {
        var cases = new List<RealCase>();
        var errors = new List<string>();
        foreach (var file in RealCaseReader.FilesIn(folder))
        {
            try
            {
                cases.Add(RealCaseReader.Read(file));
            }
            catch (CaseFileException e)
            {
                errors.Add(e.Message);
            }
        }

        if (cases.Count == 0 && errors.Count == 0)
        {
            errors.Add($"{folder}: no case files (*.yaml); write one per incident as tests/real-cases/README.md describes");
        }

        errors.ForEach(Console.Error.WriteLine);
        if (errors.Count > 0)
        {
            Console.Error.WriteLine($"kb eval: {DiagnosticOutput.Count(errors.Count, "case file")} cannot be read (above); mend them and run again.");
            return null;
        }

        return cases;
    }

    private static (AccuracyRecord? Record, string? Error)? ReadRecord(string? file)
    {
        if (file is null)
        {
            return null;
        }

        try
        {
            return (AccuracyRecord.Parse(file, File.ReadAllText(file)), null);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return (null, $"cannot read the recorded figures '{file}' ({e.Message}); give the file that records them (docs/accuracy.md).");
        }
        catch (InvalidDataException e)
        {
            return (null, e.Message);
        }
    }

    private static int Check(AccuracyRecord record, Score rules)
    {
        var breaches = record.Breaches(rules);
        foreach (var breach in breaches)
        {
            Console.Error.WriteLine($"kb eval: ratchet: {breach}; the change made the rules worse on real incidents (see the cases marked miss or false claim above).");
        }

        if (breaches.Count == 0 && record.Improved(rules))
        {
            Console.Error.WriteLine($"kb eval: ratchet: the figures improved (top-1 {rules.Top1}, false claims {rules.FalseClaims}); record them in {record.File} with this change.");
        }

        return breaches.Count > 0 ? 2 : 0;
    }

    private static bool WriteJUnit(string file, EvalReport report) =>
        ReportOutput.Write("eval", file, JUnitReport.Eval(report), "--junit");
}
