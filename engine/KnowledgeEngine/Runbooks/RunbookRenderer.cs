using KnowledgeEngine.Diagnosis;
using KnowledgeEngine.Rules;
using KnowledgeEngine.Runbooks.Model;

namespace KnowledgeEngine.Runbooks;

/// <summary>Renders runbooks as Markdown: the generic one of a rule, and the one of a diagnosis
/// with the captured values filled in. Each takes the shipped template unless given another.</summary>
public sealed class RunbookRenderer(ArticleLibrary articles)
{
    /// <summary>The generic runbook of <paramref name="rule"/>, printed on its own (article links
    /// point into knowledge/ as in the repository).</summary>
    public string RenderRule(LoadedRule rule, RunbookTemplate? template = null) => RenderRule(rule, SiteLinks.Root, template);

    /// <summary>The runbook of a diagnosis; with <paramref name="ruleId"/>, only that rule's causes.</summary>
    public string RenderDiagnosis(DiagnosisResult result, string? ruleId = null, RunbookTemplate? template = null)
    {
        var model = new RunbookModelBuilder(articles, SiteLinks.Root).ForDiagnosis(result, ruleId is null ? null : h => h.RuleId == ruleId);
        return (template ?? RunbookTemplate.Diagnosis).Render(model);
    }

    internal string RenderRule(LoadedRule rule, SiteLinks page, RunbookTemplate? template = null) =>
        (template ?? RunbookTemplate.Rule).Render(new RunbookModelBuilder(articles, page).ForRule(rule));
}
