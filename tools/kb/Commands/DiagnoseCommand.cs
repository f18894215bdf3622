using System.CommandLine;
using KnowledgeEngine.Cli.KnowledgeBase;
using KnowledgeEngine.Cli.Rendering;
using KnowledgeEngine.Diagnosis;
using KnowledgeEngine.Facts;
using KnowledgeEngine.Reports;
using KnowledgeEngine.Runbooks;
using KnowledgeEngine.Rules.Model;

namespace KnowledgeEngine.Cli.Commands;

/// <summary>`kb diagnose BUNDLE`: ranked root causes with evidence and fixes. Exit codes: 0 the
/// run succeeded (whatever it found), 1 an error (bad bundle, bad rules), 2 a cause at or above
/// --fail-on was found.</summary>
internal static class DiagnoseCommand
{
    public static Command Create()
    {
        var bundle = CommonOptions.Inputs();
        var rules = CommonOptions.Rules();
        var engine = CommonOptions.Engine();
        var codeRules = CommonOptions.CodeRules();
        var stdinAs = CommonOptions.StdinAs();
        var format = new Option<string>("--format") { Description = "table, json, markdown (a runbook), html (the runbook as one self-contained page); default: table, or what the -o file's extension says (.json, .md, .html)", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "json", "markdown", "html");
        var output = new Option<string?>("--output", "-o") { Description = "Write the report to this file instead of the terminal" };
        var template = new Option<string?>("--template") { Description = "A Scriban template for markdown and html, instead of the built-in one (model: docs/runbooks.md)" };
        var site = SiteOption.Create();
        var width = new Option<int?>("--width") { Description = "Wrap the table at this many columns (default: the terminal's width; in a pipe or an -o file, lines are not wrapped)" };
        width.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int?>() is < 40)
            {
                r.AddError("--width must be at least 40 columns.");
            }
        });
        var explain = new Option<bool>("--explain") { Description = "Show how each confidence was reached and the values the rules captured" };
        var failOn = new Option<string?>("--fail-on") { Description = "Exit 2 when a cause of this severity or higher is found: info, low, medium, high, critical" };
        failOn.AcceptOnlyFromAmong("info", "low", "medium", "high", "critical");
        var command = new Command("diagnose", "Find the likely root causes in a collected bundle, best first, with evidence and fixes.");
        command.Arguments.Add(bundle);
        command.Options.Add(rules);
        command.Options.Add(engine);
        command.Options.Add(codeRules);
        command.Options.Add(stdinAs);
        command.Options.Add(format);
        command.Options.Add(explain);
        command.Options.Add(width);
        command.Options.Add(failOn);
        command.Options.Add(output);
        command.Options.Add(template);
        command.Options.Add(site);
        command.Validators.Add(result =>
        {
            var effective = ReportFormat.Effective(result.GetValue(format)!, result.GetResult(format) is { Implicit: false }, result.GetValue(output));
            if (result.GetValue(site) is not null && effective is not ("markdown" or "html"))
            {
                result.AddError("--site sets the links of markdown and html reports: add --format markdown or --format html.");
            }

            if (result.GetValue(template) is not null && effective is not ("markdown" or "html"))
            {
                result.AddError("--template renders markdown or html: add --format markdown or --format html.");
            }
        });
        command.SetAction(parseResult =>
        {
            var bundlePath = CommonOptions.Paths(parseResult.GetValue(bundle)!, parseResult.GetValue(stdinAs));
            var target = parseResult.GetValue(output);
            var (chosen, formatNote) = ReportFormat.Choose("diagnose", parseResult.GetValue(format)!, parseResult.GetResult(format) is { Implicit: false }, target);
            if (ReportOutput.Refusal("diagnose", target, [.. bundlePath, parseResult.GetValue(template)]) is { } refusal)
            {
                Console.Error.WriteLine(refusal);
                return 1;
            }

            string? siteBase = null;
            if (parseResult.GetValue(site) is { } siteGiven)
            {
                (siteBase, var siteError) = SiteOption.Resolve("diagnose", siteGiven, target);
                if (siteError is not null)
                {
                    Console.Error.WriteLine(siteError);
                    return 1;
                }
            }

            using var timings = PhaseTimings.FromEnvironment();
            // Opening a folder bundle (walking it, reading its manifest) needs no rules, so it runs on the second core while
            // they load (12 of the README example's 190 ms). An archive, a file or standard input is opened after the rules
            // as before: extracting an archive can take long, and a rule error is then reported without waiting for it.
            var opening = bundlePath.All(Directory.Exists) ? Task.Run(() => Bundle.Open(bundlePath)) : null;
            var knowledge = LoadedKnowledge.Load("diagnose", parseResult.GetValue(rules), Console.Error, checkArticles: false, parseResult.GetValue(codeRules), forDiagnosis: true);
            timings?.Mark("load");
            if (knowledge is null)
            {
                Close(opening);
                return 1;
            }

            DiagnosisResult result;
            DiagnosisReport rendered;
            string? report;
            try
            {
                var runbook = parseResult.GetValue(template) is { } file ? RunbookTemplate.FromFile(file) : null;
                var ruleSet = CommonOptions.WithEngine(knowledge.Rules, parseResult.GetValue(engine)!);
                using var opened = opening?.GetAwaiter().GetResult() ?? Bundle.Open(bundlePath, standardInput: CommonOptions.StandardInput);
                result = ScanProgress.Wanted(chosen, target is not null)
                    ? ScanProgress.Run(onFact => Diagnoser.Diagnose(ruleSet, opened, onFact))
                    : Diagnoser.Diagnose(ruleSet, opened);
                result = ArticleSearch.AddRelated(result, opened, knowledge.Articles);
                timings?.Mark("scan+diagnose");
                rendered = DiagnosisReport.Of(result, knowledge.Articles, explain: parseResult.GetValue(explain), site: siteBase);
                report = chosen switch
                {
                    "json" => rendered.ToJson(),
                    "markdown" => rendered.ToMarkdown(runbook),
                    "html" => rendered.ToHtml(runbook),
                    _ => null,
                };
            }
            catch (Exception e) when (e is BundleException or RunbookTemplateException)
            {
                Console.Error.WriteLine($"kb diagnose: {e.Message}");
                return 1;
            }
            finally
            {
                // Closing is idempotent: this covers a bundle opened early that a template error kept from being used.
                Close(opening);
            }

            if (report is null)
            {
                using var file = target is null ? null : new StringWriter();
                var columns = parseResult.GetValue(width);
                rendered.WriteTable(new SafeConsole(file is null ? TerminalConsole.Stdout(columns) : PlainConsole.Create(file, columns ?? PlainConsole.Unwrapped)));
                report = file?.ToString();
            }

            if (report is not null && !ReportOutput.Write("diagnose", target, report))
            {
                return 1;
            }

            if (formatNote is not null)
            {
                Console.Error.WriteLine(formatNote);
            }

            timings?.Mark("report");
            timings?.Print("diagnose", Console.Error);
            return FailOn(parseResult.GetValue(failOn), result);
        });
        return command;
    }

    /// <summary>Closes a bundle opened early, once its opening is done. Its own error, if opening failed, was either
    /// reported already or is not the one to report (the rules' errors come first, as when the bundle is opened after).</summary>
    private static void Close(Task<Bundle>? opening)
    {
        try
        {
            opening?.GetAwaiter().GetResult().Dispose();
        }
        catch (BundleException)
        {
        }
    }

    /// <summary>Exit 2, saying which causes did it, when a cause is at or above the --fail-on severity.</summary>
    private static int FailOn(string? threshold, DiagnosisResult result)
    {
        if (threshold is null)
        {
            return 0;
        }

        var level = Enum.Parse<Severity>(threshold, ignoreCase: true);
        var triggering = result.Causes.Where(c => c.Severity >= level).ToList();
        if (triggering.Count == 0)
        {
            return 0;
        }

        Console.Error.WriteLine($"kb diagnose: exit 2 (--fail-on {threshold}): " +
                                string.Join(", ", triggering.Select(c => $"{c.RuleId} ({c.Severity.ToString().ToLowerInvariant()}, {c.Status.ToString().ToLowerInvariant()})")));
        return 2;
    }
}
