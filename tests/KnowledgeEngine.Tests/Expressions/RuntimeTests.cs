using System.Text.Json;
using KnowledgeEngine.Rules.Expressions;

namespace KnowledgeEngine.Tests.Expressions;

public class RuntimeTests
{
    private static JsonElement Json(string text) => JsonDocument.Parse(text).RootElement;

    [Fact]
    public void Normalize_JsonScalars_BecomePlainValues()
    {
        Assert.Equal("x", ExpressionRuntime.Normalize(Json("\"x\"")));
        Assert.Equal(2.5, ExpressionRuntime.Normalize(Json("2.5")));
        Assert.Equal(true, ExpressionRuntime.Normalize(Json("true")));
        Assert.Null(ExpressionRuntime.Normalize(Json("null")));
    }

    [Fact]
    public void Normalize_Integers_BecomeDoubles() =>
        Assert.Equal(7.0, ExpressionRuntime.Normalize(7L));

    [Fact]
    public void Equal_StringAndNumber_ComparesAsNumber() =>
        Assert.True(ExpressionRuntime.Equal("8080", 8080));

    [Fact]
    public void Equal_JsonArrayAndList_ComparesElements() =>
        Assert.True(ExpressionRuntime.Equal(Json("[1, \"a\"]"), new object?[] { 1.0, "a" }));

    [Fact]
    public void Equal_NullAndNull_IsTrue() =>
        Assert.True(ExpressionRuntime.Equal(null, Json("null")));

    [Fact]
    public void Compare_MixedKinds_CannotOrder() =>
        Assert.Null(ExpressionRuntime.Compare(true, 1.0));

    [Fact]
    public void AsDuration_DurationText_Parses() =>
        Assert.Equal(TimeSpan.FromSeconds(90), ExpressionRuntime.AsDuration("1m30s"));

    [Fact]
    public void AsTime_IsoText_Parses() =>
        Assert.Equal(new DateTimeOffset(2025, 1, 2, 3, 4, 5, TimeSpan.Zero), ExpressionRuntime.AsTime("2025-01-02T03:04:05Z"));

    [Fact]
    public void Subtract_TwoTimes_GivesDuration() =>
        Assert.Equal(TimeSpan.FromHours(1), ExpressionRuntime.Subtract("2025-01-02T04:00:00Z", "2025-01-02T03:00:00Z"));

    [Fact]
    public void Member_NonGenericDictionary_IsRead() =>
        Assert.Equal("v", ExpressionRuntime.Member(new System.Collections.Hashtable { ["k"] = "v" }, "k"));

    [Fact]
    public void IsMatch_Timeout_CountsAsNoMatch()
    {
        var slow = new System.Text.RegularExpressions.Regex("^(a+)+$", System.Text.RegularExpressions.RegexOptions.None, TimeSpan.FromMilliseconds(1));

        Assert.False(ExpressionRuntime.IsMatch(new KnowledgeEngine.Facts.LazyRegex(slow), new string('a', 40) + "!"));
    }

    [Fact]
    public void LazyRegex_BackreferencePattern_FallsBackToBacktracking()
    {
        var regex = KnowledgeEngine.Facts.LazyRegex.Get("(a)\\1").Matcher;

        Assert.False(regex.Options.HasFlag(System.Text.RegularExpressions.RegexOptions.NonBacktracking));
        Assert.Matches(regex, "aa");
    }
}
