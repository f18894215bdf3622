using System.Text.RegularExpressions;
using KnowledgeEngine.Facts;

namespace KnowledgeEngine.Tests.Facts;

public class LazyRegexTests
{
    [Fact]
    public void Getting_a_pattern_parses_it_without_building_the_matcher()
    {
        var regex = LazyRegex.Get(@"lazy (?<host>node-\d+) probe");

        Assert.False(regex.IsBuilt);
        Assert.Contains("host", regex.GroupNames);
    }

    [Fact]
    public void An_ordinary_line_is_matched_without_building_the_linear_time_matcher()
    {
        var regex = LazyRegex.Get(@"first (?<host>node-\d+) probe");

        Assert.Equal("node-7", regex.Match("first node-7 probe")!.Groups["host"].Value);
        Assert.True(regex.IsMatch("a first node-8 probe here"));
        Assert.False(regex.IsBuilt);
    }

    [Fact]
    public void A_line_the_first_try_gives_up_on_is_answered_by_the_linear_time_matcher()
    {
        // Nested repetition before a branch that matches: backtracking tries 2^40 splits of the a's
        // before the second branch, the linear-time matcher answers at once.
        var regex = LazyRegex.Get(@"^(?:(a+)+b|a*!)$");
        var line = new string('a', 40) + "!";

        Assert.True(regex.IsMatch(line));
        Assert.True(regex.IsBuilt);
        Assert.True(regex.Matcher.Options.HasFlag(RegexOptions.NonBacktracking));
        Assert.Equal(line, regex.Match(line)!.Value);
    }

    [Fact]
    public void A_pattern_tried_on_many_lines_moves_to_the_linear_time_matcher_with_the_same_answers()
    {
        var regex = LazyRegex.Get(@"often (?<host>node-\d+) tried");

        for (var i = 0; i < LazyRegex.FirstTryCalls; i++)
        {
            Assert.True(regex.IsMatch($"often node-{i} tried"));
        }
        Assert.False(regex.IsBuilt);

        Assert.Equal("node-5", regex.Match("often node-5 tried")!.Groups["host"].Value);
        Assert.False(regex.IsMatch("often node-x tried"));
        Assert.True(regex.IsBuilt);
    }

    [Fact]
    public void A_pattern_the_linear_engine_refuses_falls_back_to_backtracking_with_a_time_limit()
    {
        var regex = LazyRegex.Get(@"(?<=probe )node-\d+");

        Assert.True(regex.IsMatch("probe node-3"));
        Assert.True(regex.NeedsBacktracking);
        Assert.Equal(LazyRegex.MatchTimeout, regex.Matcher.MatchTimeout);
    }

    [Fact]
    public void One_pattern_text_is_one_object()
    {
        Assert.Same(LazyRegex.Get("same (a|b) text"), LazyRegex.Get("same (a|b) text"));
    }

    [Fact]
    public void A_bad_pattern_is_reported_when_got_with_its_offset()
    {
        var error = Assert.Throws<RegexParseException>(() => LazyRegex.Get("broken (group"));

        Assert.Equal(13, error.Offset);
    }
}
