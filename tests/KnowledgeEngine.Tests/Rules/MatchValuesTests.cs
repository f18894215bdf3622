using KnowledgeEngine.Rules.Running;

namespace KnowledgeEngine.Tests.Rules;

public sealed class MatchValuesTests
{
    private static readonly MatchValues.Names Names = new(["host.name", "seen.mac", "conflict.ip"]);

    [Fact]
    public void Only_the_values_found_are_present_in_the_rules_order()
    {
        var values = new MatchValues(Names, ["node-07", null, "10.0.0.7"]);

        Assert.Equal(2, values.Count);
        Assert.Equal([new("host.name", "node-07"), new KeyValuePair<string, string>("conflict.ip", "10.0.0.7")], values);
        Assert.Equal("10.0.0.7", values["conflict.ip"]);
    }

    [Fact]
    public void A_value_not_found_or_not_named_reads_as_missing()
    {
        var values = new MatchValues(Names, ["node-07", null, null]);

        Assert.False(values.TryGetValue("seen.mac", out _));
        Assert.False(values.ContainsKey("other.field"));
        Assert.Throws<KeyNotFoundException>(() => values["seen.mac"]);
    }
}
