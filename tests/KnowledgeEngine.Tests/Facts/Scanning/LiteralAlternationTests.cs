using KnowledgeEngine.Facts;

namespace KnowledgeEngine.Tests.Facts.Scanning;

/// <summary>A regex that is only an alternation of its prefilter literals is decided by the prefilter alone: the
/// scan does not run it, and the records it matches are the ones the regex matches.</summary>
public sealed class LiteralAlternationTests
{
    private const string Failures = "(?:register failed|Host instance init error|panic: )";

    private static ScanPlan Plan(string pattern) => ScanPlan.CreateBuilder().AddRegex("p", pattern).Build();

    [Theory]
    [InlineData(Failures)]
    [InlineData("register failed|Host instance init error")]
    public void A_plain_alternation_of_its_literals_is_not_run_by_the_scan(string pattern)
    {
        Assert.Null(Plan(pattern).RegexOf(0));
    }

    [Theory]
    [InlineData(@"register failed: \d+")]         // more than its literal
    [InlineData("(?:register failed|ok)")]         // a branch too short for the prefilter
    [InlineData("(register failed|panic: )")]      // a capturing group
    [InlineData("(?i)(?:register failed|panic: )")] // case-insensitive: the literals are its case variants
    [InlineData("(?:a)|(?:register failed)")]      // the outer parentheses are not one group
    public void Any_other_regex_is_still_run(string pattern)
    {
        Assert.NotNull(Plan(pattern).RegexOf(0));
    }

    [Fact]
    public void The_records_matched_are_those_the_regex_matches()
    {
        var log = "[error] register failed: 409\n[info] all fine\n[error] panic: nil map\n[info] registered failed twice\n";

        var facts = LogReading.Read(log, Plan(Failures));

        Assert.Equal([1, 3], facts.Select(f => f.LineNumber));
        Assert.All(facts, f => Assert.Matches(Failures, f.Text));
    }
}
