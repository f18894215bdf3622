using System.Text.Json;
using KnowledgeEngine.Facts;

namespace KnowledgeEngine.Tests.Facts;

public sealed class ResourceFactTests
{
    private static ResourceFact Resource(string json) => new()
    {
        Source = "x.json",
        ResourceKind = "Node",
        Object = JsonDocument.Parse(json).RootElement.Clone(),
    };

    [Fact]
    public void Dotted_path_with_index_reaches_nested_values()
    {
        var node = Resource("{\"spec\":{\"roles\":[\"control-plane\",\"etcd\"]}}");

        Assert.Equal("etcd", node.GetString("spec.roles[1]"));
    }

    [Fact]
    public void Quoted_key_reaches_names_with_dots()
    {
        var node = Resource("{\"metadata\":{\"labels\":{\"kubernetes.io/hostname\":\"n1\"}}}");

        Assert.Equal("n1", node.GetString("metadata.labels[\"kubernetes.io/hostname\"]"));
    }

    [Fact]
    public void Missing_path_or_out_of_range_index_reads_as_absent()
    {
        var node = Resource("{\"spec\":{\"roles\":[\"a\"]}}");

        Assert.False(node.TryGet("spec.roles[3]", out _));
        Assert.Null(node.GetString("status.phase"));
    }

    [Fact]
    public void Non_string_values_read_as_raw_json()
    {
        var node = Resource("{\"status\":{\"conditions\":[{\"type\":\"Ready\"}],\"capacity\":4}}");

        Assert.Equal("[{\"type\":\"Ready\"}]", node.GetString("status.conditions"));
        Assert.Equal("4", node.GetString("status.capacity"));
    }
}
