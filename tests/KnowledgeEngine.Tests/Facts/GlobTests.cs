using KnowledgeEngine.Facts.Layouts;

namespace KnowledgeEngine.Tests.Facts;

public class GlobTests
{
    [Theory]
    [InlineData("**/host.log", "host.log", true)]
    [InlineData("**/host.log", "nodes/node-07/var/log/host.log", true)]
    [InlineData("logs/*.log", "logs/kubelet.log", true)]
    [InlineData("logs/*.log", "logs/sub/kubelet.log", false)]
    [InlineData("logs/kube?et.log", "logs/kubelet.log", true)]
    [InlineData("**/{cloud,host}.log", "var/log/cloud.log", true)]
    [InlineData("**/{cloud,host}.log", "var/log/region.log", false)]
    [InlineData("**/service[1].log", "a/service[1].log", true)]
    public void A_glob_matches_paths_as_documented(string glob, string path, bool expected) =>
        Assert.Equal(expected, Glob.IsMatch(glob, path));

    [Fact]
    public void Alternating_paths_get_their_own_answers()
    {
        // The matcher keeps its last answer; a different path must not be given it.
        for (var i = 0; i < 3; i++)
        {
            Assert.True(Glob.IsMatch("**/keepalived.log", "vr/keepalived.log"));
            Assert.False(Glob.IsMatch("**/keepalived.log", "vr/cloud.log"));
        }
    }
}
