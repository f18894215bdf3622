using KnowledgeEngine.Diagnosis;
using KnowledgeEngine.Facts;
using KnowledgeEngine.Rules;

namespace KnowledgeEngine.Tests.Diagnosis;

public sealed class WhyAndNearMissTests : IDisposable
{
    private const string Rule = """
        id: cloudpods/two-lines
        title: Two lines
        platform: cloudpods
        severity: high
        when:
          - log: { source: "**/host.log", contains: "first marker" }
            as: a
          - log: { source: "**/host.log", contains: "second marker" }
            as: b
        cause:
          summary: both lines were logged
          confidence: 0.6
        fix:
          - restart the thing
        """;

    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("kb-why-");

    private RuleSet Load()
    {
        File.WriteAllText(Path.Combine(_dir.FullName, "two-lines.yaml"), Rule);
        var rules = RuleSet.Load(_dir.FullName, _dir.FullName);
        Assert.False(rules.HasErrors, string.Join("\n", rules.Diagnostics));
        return rules;
    }

    private static LogFact Line(int line, string text) =>
        new() { Source = "logs/host.log", Line = line, Text = text, Message = text, Format = "plain" };

    [Fact]
    public void Why_names_the_first_condition_that_found_no_fact_and_what_held_before_it()
    {
        var probe = Load().Why("cloudpods/two-lines", [Line(3, "the first marker is here")]);

        Assert.False(probe.Fired);
        Assert.Equal(1, probe.HeldConditions);
        Assert.Equal("b", probe.FirstMissing!.Name);
        Assert.Equal("logs/host.log:3", Assert.Single(probe.Matched).Location);
    }

    [Fact]
    public void Why_reports_a_rule_that_fires()
    {
        var probe = Load().Why("cloudpods/two-lines", [Line(1, "first marker"), Line(2, "second marker")]);

        Assert.True(probe.Fired);
        Assert.Null(probe.FirstMissing);
    }

    [Fact]
    public void A_rule_missing_only_its_first_condition_is_a_near_miss()
    {
        var rules = Load();

        var nearMiss = Assert.Single(rules.NearMisses([Line(7, "second marker only")], new HashSet<string>()));

        Assert.Equal("a", nearMiss.Missing.Name);
    }

    [Fact]
    public void A_rule_missing_two_conditions_is_no_near_miss()
    {
        Assert.Empty(Load().NearMisses([Line(7, "nothing relevant")], new HashSet<string>()));
    }

    [Fact]
    public void Closest_candidates_share_words_with_the_missing_condition()
    {
        var probe = Load().Why("cloudpods/two-lines", [Line(1, "first marker")]);
        var facts = new Fact[] { Line(1, "first marker"), Line(2, "unrelated"), Line(3, "a second attempt, no marker") };

        var (closest, samePlace) = CandidateFinder.Closest(probe.FirstMissing!, facts);

        Assert.Equal(3, samePlace);
        Assert.Equal(3, closest[0].Line);
    }

    public void Dispose() => _dir.Delete(recursive: true);
}
