using KnowledgeEngine.Diagnosis;
using KnowledgeEngine.Rules;
using KnowledgeEngine.Rules.Model;

namespace KnowledgeEngine.Tests.Diagnosis;

public class RankingTests
{
    private static readonly SourceSpan Here = new("test.yaml", 1, 1, 1, 1);

    private static FiredRule Fired(string id, double prior, Severity severity, params (double Weight, bool Found, string? Collect)[] evidence)
    {
        var items = evidence.Select((e, i) => new LoadedCondition(new ConditionModel(Here, new Located<FactKind>(FactKind.Log, Here))
        {
            Weight = new Located<double>(e.Weight, Here),
            Collect = e.Collect is null ? null : new Located<string>(e.Collect, Here),
        }, ConditionRole.Evidence, $"_evidence{i}", i)).ToList();
        var model = new RuleModel(Here)
        {
            Id = new Located<string>(id, Here),
            Severity = new Located<Severity>(severity, Here),
            Cause = new CauseModel(Here, new Located<string>(id + " summary", Here), null, new Located<double>(prior, Here)),
            Evidence = items.Select(i => i.Model).ToList(),
        };
        var rule = new LoadedRule(model, [], items, []);
        var results = items.Zip(evidence, (item, e) => new ItemResult(item, e.Found, [])).ToList();
        return new FiredRule(rule, [], new Dictionary<string, string>(), results, [], [], []);
    }

    private static DiagnosisResult Rank(params FiredRule[] fired) =>
        Diagnoser.Rank(new RuleRun(fired, []), "b", null, [], null, []);

    [Fact]
    public void Found_evidence_can_lift_a_lower_prior_above_a_higher_one()
    {
        var result = Rank(Fired("a", 0.7, Severity.High), Fired("b", 0.6, Severity.High, (0.5, true, null)));

        Assert.Equal(["b", "a"], result.Causes.Select(c => c.RuleId));
        Assert.Equal(0.8, result.Causes[0].Confidence, 10);
    }

    [Fact]
    public void Equal_confidence_ranks_the_more_severe_cause_first()
    {
        var result = Rank(Fired("minor", 0.6, Severity.Low), Fired("major", 0.6, Severity.Critical));

        Assert.Equal(["major", "minor"], result.Causes.Select(c => c.RuleId));
    }

    [Fact]
    public void Causes_within_the_margin_are_told_apart_by_their_missing_evidence()
    {
        var result = Rank(
            Fired("raid", 0.6, Severity.High, (0.4, false, "talosctl dmesg")),
            Fired("state", 0.55, Severity.High, (0.4, false, "talosctl get volumestatus")));

        var distinction = Assert.Single(result.Distinctions);
        Assert.Equal(("raid", "state"), (distinction.First, distinction.Second));
        Assert.Equal(["talosctl dmesg", "talosctl get volumestatus"], distinction.Decisive.Select(d => d.Collect));
    }

    [Fact]
    public void Two_matches_of_one_rule_with_the_same_values_are_one_cause()
    {
        var result = Rank(Fired("dup", 0.6, Severity.High), Fired("dup", 0.6, Severity.High, (0.5, true, null)));

        var cause = Assert.Single(result.Causes);
        Assert.Equal(0.8, cause.Confidence, 10);
    }

    [Fact]
    public void Causes_far_apart_are_not_reported_as_competing()
    {
        var result = Rank(Fired("strong", 0.9, Severity.High), Fired("weak", 0.3, Severity.High));

        Assert.Empty(result.Distinctions);
    }
}
