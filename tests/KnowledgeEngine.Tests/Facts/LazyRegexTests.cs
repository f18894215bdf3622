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
    public void The_matcher_is_built_on_first_use_and_is_linear_time()
    {
        var regex = LazyRegex.Get(@"built (?<host>node-\d+) probe");

        Assert.Equal("node-7", regex.Matcher.Match("built node-7 probe").Groups["host"].Value);
        Assert.True(regex.IsBuilt);
        Assert.True(regex.Matcher.Options.HasFlag(RegexOptions.NonBacktracking));
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
