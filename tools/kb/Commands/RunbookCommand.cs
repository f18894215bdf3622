using System.CommandLine;
using KnowledgeEngine.Cli.KnowledgeBase;
using KnowledgeEngine.Cli.Rendering;
using KnowledgeEngine.Diagnosis;
using KnowledgeEngine.Facts;
using KnowledgeEngine.Reports;
using KnowledgeEngine.Rules.Model;
using KnowledgeEngine.Runbooks;

namespace KnowledgeEngine.Cli.Commands;

/// <summary>`kb runbook RULE-ID` prints a rule's generic runbook; with --bundle, the runbook of
/// that rule's diagnosis of the bundle; `kb runbook --all -o DIR` writes the whole browsable
/// set. Exit codes: 0 written, 1 an error (unknown rule, bad template, unreadable bundle, the
/// rule did not fire on the bundle).</summary>
internal static class RunbookCommand
{
    public static Command Create()
    {
        var ruleId = new Argument<string?>("rule-id") { Description = "The rule, e.g. cloudpods/host-mac-changed", Arity = ArgumentArity.ZeroOrOne };
        var all = new Option<bool>("--all") { Description = "Every rule's runbook (Markdown and HTML) plus index pages, into the -o folder" };
        var output = new Option<string?>("--output", "-o") { Description = "The file to write (the folder with --all)" };
        var bundle = new Option<string?>("--bundle") { Description = "Diagnose this bundle and fill the runbook with what it holds" };
        var format = new Option<string>("--format") { Description = "markdown, html (one rule only; --all writes both)", DefaultValueFactory = _ => "markdown" };
        format.AcceptOnlyFromAmong("markdown", "html");
        var template = new Option<string?>("--template") { Description = "A Scriban template instead of the built-in one (model: docs/runbooks.md)" };
        var site = SiteOption.Create();
        var rules = CommonOptions.Rules();
        var command = new Command("runbook", "Write the runbook of a rule (generic, or filled from a bundle) or of every rule.");
        command.Arguments.Add(ruleId);
        command.Options.Add(all);
        command.Options.Add(output);
        command.Options.Add(bundle);
        command.Options.Add(format);
        command.Options.Add(template);
        command.Options.Add(site);
        command.Options.Add(rules);
        command.Validators.Add(result =>
        {
            var (id, everything) = (result.GetValue(ruleId), result.GetValue(all));
            if (id is null == !everything)
            {
                result.AddError("Give one rule id, or --all for every rule (not both).");
            }
            else if (everything && result.GetValue(output) is null)
            {
                result.AddError("--all writes many files: give the folder with -o, e.g. kb runbook --all -o out/");
            }
            else if (everything && result.GetValue(bundle) is not null)
            {
                result.AddError("--bundle fills one rule's runbook: name the rule instead of --all.");
            }
            else if (everything && result.GetValue(site) is not null)
            {
                result.AddError("--site links one runbook to a site written by --all: name the rule instead of --all.");
            }
        });
        command.SetAction(parse =>
        {
            if (!parse.GetValue(all) && ReportOutput.Refusal("runbook", parse.GetValue(output), parse.GetValue(bundle), parse.GetValue(template)) is { } refusal)
            {
                Console.Error.WriteLine(refusal);
                return 1;
            }

            var knowledge = LoadedKnowledge.Load("runbook", parse.GetValue(rules), Console.Error);
            if (knowledge is null)
            {
                return 1;
            }

            try
            {
                var custom = parse.GetValue(template) is { } file ? RunbookTemplate.FromFile(file) : null;
                return parse.GetValue(all)
                    ? WriteSite(knowledge, custom, parse.GetValue(output)!)
                    : WriteOne(knowledge, custom, parse.GetValue(ruleId)!, parse.GetValue(bundle), parse.GetValue(format)!, parse.GetValue(output), parse.GetValue(site));
            }
            catch (Exception e) when (e is BundleException or RunbookTemplateException)
            {
                Console.Error.WriteLine($"kb runbook: {e.Message}");
                return 1;
            }
        });
        return command;
    }

    private static int WriteOne(LoadedKnowledge knowledge, RunbookTemplate? template, string id, string? bundlePath, string format, string? output, string? site)
    {
        string? siteBase = null;
        if (site is not null)
        {
            (siteBase, var siteError) = SiteOption.Resolve("runbook", site, output);
            if (siteError is not null)
            {
                Console.Error.WriteLine(siteError);
                return 1;
            }
        }

        var rule = knowledge.Rules.Rules.FirstOrDefault(r => r.Id == id);
        if (rule is null)
        {
            Console.Error.WriteLine($"kb runbook: no rule '{id}'{Suggest(knowledge.Rules, id)} — kb rules lists them all.");
            return 1;
        }

        var renderer = new RunbookRenderer(knowledge.Articles);
        string markdown;
        if (bundlePath is null)
        {
            markdown = siteBase is null ? renderer.RenderRule(rule, template) : renderer.RenderRuleLinkedTo(rule, siteBase, template);
        }
        else
        {
            using var opened = Bundle.Open(bundlePath);
            var result = ScanProgress.Wanted(format, output is not null)
                ? ScanProgress.Run(onFact => Diagnoser.Diagnose(knowledge.Rules, opened, onFact))
                : Diagnoser.Diagnose(knowledge.Rules, opened);
            if (result.Causes.All(c => c.RuleId != id))
            {
                Console.Error.WriteLine($"kb runbook: '{id}' did not find its cause in {opened.Name}; kb diagnose shows what did, and kb runbook {id} without --bundle prints the generic runbook.");
                return 1;
            }

            markdown = DiagnosisReport.Of(result, knowledge.Articles, id, site: siteBase).ToMarkdown(template);
        }

        var text = format == "html" ? HtmlPage.Render(markdown, HtmlPage.TitleOf(markdown, id)) : markdown;
        return ReportOutput.Write("runbook", output, text) ? 0 : 1;
    }

    private static int WriteSite(LoadedKnowledge knowledge, RunbookTemplate? template, string folder)
    {
        var pages = RunbookSite.Build(knowledge.Rules.Rules, knowledge.Articles, template);
        foreach (var page in pages)
        {
            if (!ReportOutput.Write("runbook", Path.Combine(folder, page.Path), page.Content))
            {
                return 1;
            }
        }

        Console.Error.WriteLine($"kb runbook: {pages.Count} files written to {folder} for {DiagnosticOutput.Count(knowledge.Rules.Rules.Count, "rule")}; start at index.html.");
        return 0;
    }

    private static string Suggest(KnowledgeEngine.Rules.RuleSet rules, string id) =>
        rules.ClosestIds(id) is { Count: > 0 } close ? $" (did you mean {string.Join(", ", close)}?)" : "";
}
