using System.Globalization;
using KnowledgeEngine.Diagnosis;
using KnowledgeEngine.Rules;
using KnowledgeEngine.Runbooks;
using KnowledgeEngine.Runbooks.Model;

namespace KnowledgeEngine.Reports.Model;

/// <summary>Turns a diagnosis into the report model, once, for every renderer. Numbers are rounded
/// and texts worded here, so that the formats cannot disagree (one confidence, one "(derived)").</summary>
internal static class DiagnosisReportBuilder
{
    /// <summary>The report of <paramref name="result"/>, optionally narrowed to the causes
    /// <paramref name="keep"/> accepts (ranks stay those of the full ranking). Without
    /// <paramref name="siteBase"/> the page holds the articles it links to; with it, article and rule
    /// links go to the HTML pages of the runbook site there (a URL or a folder relative to the page).</summary>
    public static DiagnosisReportModel Build(DiagnosisResult result, ArticleLibrary articles, Func<Hypothesis, bool>? keep = null, string? siteBase = null)
    {
        var kept = result.Causes.Select((h, i) => (h, Rank: i + 1)).Where(c => keep?.Invoke(c.h) ?? true).ToList();
        var embedded = siteBase is null
            ? kept.Select(c => articles.For(c.h.Rule)).OfType<KnowledgeArticle>().Distinct().ToList()
            : [];
        var links = siteBase is null
            ? PageLinks.Embedded(embedded.ToDictionary(a => SiteLinks.ArticlePath(a.RelativePath), a => Anchors.Of(a.Title), StringComparer.Ordinal))
            : PageLinks.ToSite(siteBase);
        var views = new RunbookModelBuilder(articles, links);
        var causes = kept.Select(c => Cause(c.h, c.Rank, views, result.DerivedBy) with
        {
            RuleHref = links.Href(SiteLinks.RunbookPath(c.h.RuleId)),
        }).ToList();
        var bundle = new BundleView(result.Bundle, result.Platform ?? "unknown", result.Hosts, Utc(result.CollectedAt), result.Warnings.Select(w => w.ToString()).ToList())
        {
            DetectedPlatform = result.Platform,
            CollectedAtTime = result.CollectedAt,
        };
        var distinctions = result.Distinctions.Where(d => causes.Any(c => c.Rule.Id == d.First || c.Rule.Id == d.Second))
            .Select(d => new DistinctionView(d.First, d.Second, d.Decisive.Select(m => m.Collect!).ToList())).ToList();
        var symptoms = result.Symptoms.Select(s => new SymptomView(s.Id, s.Rule.Title,
            s.Facts.Select(f => Evidence(EvidenceQuoter.QuoteWhen(f, s.Rule))).ToList())).ToList();
        return new DiagnosisReportModel(bundle, causes, distinctions, symptoms)
        {
            Articles = siteBase is null ? kept.Select(c => views.Article(c.h.Rule)).OfType<ArticleView>().DistinctBy(a => a.Href).ToList() : [],
            Related = result.Related.Select(a => new RelatedArticleView(a.Title, a.Path, a.Score)).ToList(),
            NotConfirmed = result.NotConfirmed.Select(n => new NotConfirmedView(n.Rule.Id, n.Rule.Title, n.Missing.Description, n.Missing.Location)).ToList(),
        };
    }

    /// <summary>The confidence as people read it: a whole percent, halves rounded up, in every format.</summary>
    public static string Percent(double confidence) =>
        Math.Round(confidence * 100, MidpointRounding.AwayFromZero).ToString(CultureInfo.InvariantCulture) + "%";

    private static CauseView Cause(Hypothesis h, int rank, RunbookModelBuilder views,
        IReadOnlyDictionary<DerivedFact, IReadOnlyList<string>> derivedBy) => new(
        rank,
        Math.Round(h.Confidence, 4),
        Percent(h.Confidence),
        RunbookModelBuilder.Rule(h.Rule) with { Summary = h.Summary, Detail = h.Detail },
        views.Article(h.Rule),
        h.Steps.Select(s => new ConfidenceStepView(s.Reason, s.Weight, Math.Round(s.Before, 4), Math.Round(s.After, 4))).ToList(),
        h.Evidence.Select(Evidence).ToList(),
        h.Missing.Select(m => new ExpectedView(m.Description, m.Weight, m.Collect)).ToList(),
        h.Fired.Values.OrderBy(v => v.Key, StringComparer.Ordinal).Select(v => new ValueView(v.Key, v.Value)).ToList(),
        h.Fired.Fix,
        h.Fired.Verify)
    {
        Anchor = Anchors.Of($"{rank}. {h.Rule.Title}"),
        Status = h.Status == CauseStatus.Suspected ? "suspected" : "confirmed",
        RankScore = Math.Round(h.RankScore, 4),
        Unmet = h.Fired.Unmet.OrderBy(u => u.SourceCollected)
            .Select(u => new UnmetView(u.Description, u.Condition.Location, u.SourceCollected, u.Collect) { Via = u.Via }).ToList(),
        DroppedJoins = h.Fired.DroppedJoins,
        Conditions = h.Fired.When.Select(w => new ConditionView(w.IsSignature, w.Condition.Description, w.Condition.Location, Matched(w, derivedBy))).ToList(),
        Repeats = h.Repeats,
        FirstSeen = Utc(h.FirstSeen),
        LastSeen = Utc(h.LastSeen),
        FirstSeenTime = h.FirstSeen,
        LastSeenTime = h.LastSeen,
    };

    private static EvidenceView Evidence(EvidenceLine e) => new(e.Role, e.Name, e.Location, e.Text)
    {
        Record = e.Record,
        MatchStart = e.Match?.Start ?? 0,
        MatchLength = e.Match?.Length ?? 0,
    };

    /// <summary>What a when condition matched: at most five locations, or why it matched nothing.</summary>
    private static string Matched(WhenResult condition, IReadOnlyDictionary<DerivedFact, IReadOnlyList<string>> derivedBy)
    {
        if (condition.Unmet is { } unmet)
        {
            return unmet.SourceCollected ? "(collected, not found)" : "(not collected)";
        }

        var matched = condition.Facts.Select(f => f.Location ?? Derived(f.Fact, derivedBy)).Distinct().ToList();
        return matched.Count == 0 ? "(no bound fact)"
            : string.Join(", ", matched.Take(5)) + (matched.Count > 5 ? $" and {matched.Count - 5} more" : "");
    }

    private static string Derived(object fact, IReadOnlyDictionary<DerivedFact, IReadOnlyList<string>> derivedBy) =>
        fact is DerivedFact d && derivedBy.TryGetValue(d, out var rules)
            ? $"derived {d} by {string.Join(", ", rules)}{(d.IsSuspected ? " (a suspected match)" : "")}"
            : $"derived {fact}";

    private static string? Utc(DateTimeOffset? time) =>
        time?.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);
}
