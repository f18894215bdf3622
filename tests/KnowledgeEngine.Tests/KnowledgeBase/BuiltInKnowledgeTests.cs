using KnowledgeEngine.Cli.KnowledgeBase;

namespace KnowledgeEngine.Tests.KnowledgeBase;

/// <summary>The built-in knowledge is read from a shared copy in the temp folder; a copy that holds
/// other files than the build's (another program added an article) is not used.</summary>
public sealed class BuiltInKnowledgeTests
{
    [Fact]
    public void Materialise_SharedCopyWithAForeignFile_UsesAPrivateCopyWithoutIt()
    {
        var shared = BuiltInKnowledge.Materialise();
        var foreign = Path.Combine(shared, "knowledge", "cloudstack", $"foreign-{Guid.NewGuid():N}.md");
        File.WriteAllText(foreign, "# not shipped by this build\n");
        try
        {
            var used = BuiltInKnowledge.Materialise();

            Assert.NotEqual(shared, used);
            Assert.False(File.Exists(Path.Combine(used, "knowledge", "cloudstack", Path.GetFileName(foreign))));
            Assert.True(File.Exists(Path.Combine(used, "rules", "cloudpods", "host-mac-changed.yaml")));
        }
        finally
        {
            File.Delete(foreign);
        }

        Assert.Equal(shared, BuiltInKnowledge.Materialise());
    }
}
