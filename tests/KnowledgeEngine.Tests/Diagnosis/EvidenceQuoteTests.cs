using KnowledgeEngine.Diagnosis;
using KnowledgeEngine.Facts;
using KnowledgeEngine.Rules;
using KnowledgeEngine.Tests.Rules;

namespace KnowledgeEngine.Tests.Diagnosis;

/// <summary>Evidence is quoted around what its condition matched: the quote holds the matched text,
/// says where it lies, and keeps the whole record.</summary>
public sealed class EvidenceQuoteTests
{
    private static readonly string Prefix = "[error 2026-03-14 09:08:22 hostinfo.(*SHostInfo).onFail(hostinfo.go:1046)] register failed: " + new string('x', 300);

    private static EvidenceLine Quote(string record, string condition)
    {
        var rules = RuleSet.Load([new RuleSource("rules/test/q.yaml", TempRules.Minimal("test/q", $"  - log: {condition}\n    as: hit\n"))], null);
        Assert.False(rules.HasErrors, string.Join('\n', rules.Diagnostics));
        var log = new LogFact { Source = "host.log", Line = 7, Text = record, Message = record, Format = "plain" };
        return EvidenceQuoter.Quote("when", new MatchedFact("hit", log), rules.Rules[0].When[0]);
    }

    private static string Matched(EvidenceLine e) => e.Text.Substring(e.Match!.Value.Start, e.Match.Value.Length);

    [Fact]
    public void A_literal_past_the_cut_is_quoted_with_its_context()
    {
        var record = Prefix + " \"details\":\"duplicate manager_uri https://10.20.30.17:8885\"}} " + new string('y', 300);

        var e = Quote(record, "{ contains: 'duplicate manager_uri' }");

        Assert.StartsWith("…", e.Text);
        Assert.EndsWith("…", e.Text);
        Assert.True(e.Text.Length <= 240, $"{e.Text.Length} characters");
        Assert.Equal("duplicate manager_uri", Matched(e));
        Assert.Equal(record, e.Record);
    }

    [Fact]
    public void A_regex_match_is_located_by_the_regex()
    {
        var e = Quote(Prefix + " Master MAC: b4:96:91:2c:7e:10", "{ regex: 'Master MAC: (?<mac>[0-9a-f:]{17})' }");

        Assert.Equal("Master MAC: b4:96:91:2c:7e:10", Matched(e));
    }

    [Fact]
    public void A_short_line_is_quoted_whole()
    {
        var e = Quote("disk full on /var", "{ contains: 'full' }");

        Assert.Equal("disk full on /var", e.Text);
        Assert.Equal((5, 4), e.Match);
    }

    [Fact]
    public void A_match_on_a_continuation_line_quotes_that_line()
    {
        var e = Quote("java.lang.RuntimeException: wrapped\n\tat com.cloud.Foo.bar(Foo.java:12)\nCaused by: Unable to allocate vnet", "{ contains: 'Unable to allocate vnet' }");

        Assert.Equal("Caused by: Unable to allocate vnet", e.Text);
        Assert.Equal("Unable to allocate vnet", Matched(e));
    }

    [Fact]
    public void A_condition_without_text_has_no_match()
    {
        var e = Quote("[error] something broke", "{ level: error }");

        Assert.Null(e.Match);
        Assert.Equal("[error] something broke", e.Text);
    }
}
