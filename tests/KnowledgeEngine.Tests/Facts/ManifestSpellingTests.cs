using KnowledgeEngine.Facts;

namespace KnowledgeEngine.Tests.Facts;

public class ManifestSpellingTests
{
    [Fact]
    public void Snake_case_collected_at_sets_the_collection_time()
    {
        var dir = Directory.CreateTempSubdirectory("kb-manifest-");
        try
        {
            File.WriteAllText(Path.Combine(dir.FullName, "bundle.yaml"), "platform: cloudpods\ncollected_at: 2026-03-14T09:12:00Z\ntime_zone: \"+08:00\"\n");
            File.WriteAllText(Path.Combine(dir.FullName, "host.log"), "hello\n");

            using var bundle = Bundle.Open(dir.FullName);

            Assert.Equal(new DateTimeOffset(2026, 3, 14, 9, 12, 0, TimeSpan.Zero), bundle.Metadata.CollectedAt);
            Assert.Equal(TimeSpan.FromHours(8), bundle.Metadata.TimeZone);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
