using KnowledgeEngine.Facts.Logs;

namespace KnowledgeEngine.Tests.Facts;

public sealed class FieldListTests
{
    [Fact]
    public void Fields_keep_the_order_they_were_set_in_and_a_later_value_replaces_an_earlier_one()
    {
        var fields = new FieldList();
        fields.Set("pid", "592");
        fields.Set("thread", "12");
        fields.Set("msg", "a");
        fields.Set("pid", "593");

        Assert.Equal(3, fields.Count);
        Assert.Equal(["pid", "thread", "msg"], fields.Keys);
        Assert.Equal("593", fields["pid"]);
        Assert.False(fields.TryGetValue("level", out _));
    }
}
