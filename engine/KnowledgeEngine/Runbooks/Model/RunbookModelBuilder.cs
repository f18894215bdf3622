using KnowledgeEngine.Rules;
using System.Globalization;
using KnowledgeEngine.Diagnosis;
using KnowledgeEngine.Rules.Compilation;
using KnowledgeEngine.Rules.Model;

namespace KnowledgeEngine.Runbooks.Model;

/// <summary>Builds the template models from rules, articles and diagnoses for one page: links
/// in the models are relative to <paramref name="page"/>.</summary>
internal sealed class RunbookModelBuilder(ArticleLibrary articles, SiteLinks page)
{
    private readonly HashSet<string> _sitePages = articles.Articles.Select(a => SiteLinks.ArticlePath(a.RelativePath)).ToHashSet(StringComparer.Ordinal);

    public RuleRunbookModel ForRule(LoadedRule rule) => new(Rule(rule), Article(rule));

    /// <summary>The diagnosis, optionally narrowed to the causes <paramref name="keep"/> accepts
    /// (ranks stay those of the full ranking).</summary>
    public DiagnosisRunbookModel ForDiagnosis(DiagnosisResult result, Func<Hypothesis, bool>? keep = null)
    {
        var causes = result.Causes.Select((h, i) => (h, Rank: i + 1)).Where(c => keep?.Invoke(c.h) ?? true).Select(c => Cause(c.h, c.Rank)).ToList();
        var bundle = new BundleView(result.Bundle, result.Platform ?? "unknown", result.Hosts,
            result.CollectedAt?.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture), result.Warnings);
        var distinctions = result.Distinctions.Where(d => causes.Any(c => c.Rule.Id == d.First || c.Rule.Id == d.Second))
            .Select(d => new DistinctionView(d.First, d.Second, d.Decisive.Select(m => m.Collect!).ToList())).ToList();
        return new DiagnosisRunbookModel(bundle, causes, distinctions, result.Symptoms.Select(s => s.Id).Distinct().ToList());
    }

    private CauseView Cause(Hypothesis h, int rank) => new(
        rank,
        Math.Round(h.Confidence, 4),
        Math.Round(h.Confidence * 100).ToString(CultureInfo.InvariantCulture) + "%",
        Rule(h.Rule) with { Summary = h.Summary, Detail = h.Detail },
        Article(h.Rule),
        h.Steps.Select(s => new ConfidenceStepView(s.Reason, s.Weight, Math.Round(s.Before, 4), Math.Round(s.After, 4))).ToList(),
        h.Evidence.Select(e => new EvidenceView(e.Role, e.Name, e.Location ?? "(derived)", e.Text)).ToList(),
        h.Missing.Select(m => new ExpectedView(m.Description, m.Weight, m.Collect)).ToList(),
        h.Fired.Values.OrderBy(v => v.Key, StringComparer.Ordinal).Select(v => new ValueView(v.Key, v.Value)).ToList(),
        h.Fired.Fix,
        h.Fired.Verify)
    {
        Status = h.Status == CauseStatus.Suspected ? "suspected" : "confirmed",
        Unmet = h.ToConfirm.Select(m => new UnmetView(m.Description, m.SourceCollected == true, m.Collect)).ToList(),
        DroppedJoins = h.Fired.DroppedJoins,
        Repeats = h.Repeats,
        FirstSeen = h.FirstSeen?.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture),
        LastSeen = h.LastSeen?.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture),
    };

    private static RuleView Rule(LoadedRule rule) => new(
        rule.Id,
        rule.Title,
        rule.Platform,
        rule.Severity.ToString().ToLowerInvariant(),
        Unfilled(rule.Cause.Summary),
        rule.Cause.Detail is { } detail ? Unfilled(detail) : null,
        rule.Prior,
        rule.Tags,
        rule.When.Select(c => c.Description).ToList(),
        rule.Evidence.Select(Expected).ToList(),
        rule.Against.Select(Expected).ToList(),
        rule.Fix.Select(Unfilled).ToList(),
        rule.Verify.Select(Unfilled).ToList());

    private static ExpectedView Expected(LoadedCondition c) => new(c.Description, c.Weight, c.Collect);

    /// <summary>The step as written, each placeholder shown as &lt;name.field&gt; for the reader to fill.</summary>
    private static string Unfilled(Template step) => Templates.Render(step, _ => null);

    private ArticleView? Article(LoadedRule rule)
    {
        var article = articles.For(rule);
        if (article is null)
        {
            return null;
        }

        var from = SiteLinks.ArticlePath(article.RelativePath);
        // Sections lose their final newline so the template alone decides the spacing around them.
        string Rebase(string md) => LinkRebaser.Rebase(md, from, page, _sitePages.Contains).TrimEnd('\n');
        string? Section(string heading) => article.Section(heading) is { } md ? Rebase(md) : null;
        return new ArticleView(
            article.Title,
            page.Href(from),
            article.Component,
            article.Source,
            Section("Symptoms"),
            Section("Background"),
            Section("Cause"),
            Section("Diagnosis steps"),
            Section("Fix"),
            Section("Verification"),
            Section("Prevention"),
            Section("Related"),
            article.Sections.Select(s => new SectionView(s.Heading, Rebase(s.Markdown))).ToList());
    }
}
