using KnowledgeEngine.Rules;
using KnowledgeEngine.Runbooks.Model;

namespace KnowledgeEngine.Runbooks;

/// <summary>Renders a rule's generic runbook as Markdown, through the shipped template unless given
/// another. The runbook of a diagnosis, with the captured values filled in, is a DiagnosisReport.</summary>
public sealed class RunbookRenderer(ArticleLibrary articles)
{
    /// <summary>The generic runbook of <paramref name="rule"/>, printed on its own (article links
    /// point into knowledge/ as in the repository).</summary>
    public string RenderRule(LoadedRule rule, RunbookTemplate? template = null) =>
        RenderRule(rule, RunbookModelBuilder.Repository(articles), template);

    /// <summary>The generic runbook of <paramref name="rule"/>, its article, rule and index links
    /// going to the HTML pages of the runbook site at <paramref name="site"/> (a URL, or a folder
    /// relative to the page) written by <c>kb runbook --all</c>.</summary>
    public string RenderRuleLinkedTo(LoadedRule rule, string site, RunbookTemplate? template = null) =>
        RenderRule(rule, PageLinks.ToSite(site), template);

    internal string RenderRule(LoadedRule rule, PageLinks page, RunbookTemplate? template = null) =>
        (template ?? RunbookTemplate.Rule).Render(new RunbookModelBuilder(articles, page).ForRule(rule));
}
