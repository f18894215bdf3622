using KnowledgeEngine.Cli.KnowledgeBase;
using KnowledgeEngine.Rules;

namespace KnowledgeEngine.Tests.Rules;

/// <summary>kb diagnose reads the built-in rules from the snapshot the build wrote beside kb.dll when it is one of the
/// same build, and from the embedded YAML files otherwise.</summary>
public sealed class BuiltInSnapshotTests : IDisposable
{
    private readonly string _file = Path.Combine(Directory.CreateTempSubdirectory("kb-snapshot-").FullName, BuiltInKnowledge.SnapshotFile);

    [Fact]
    public void A_snapshot_of_this_build_is_read()
    {
        Write(BuiltInKnowledge.BuildKey);

        var sources = BuiltInKnowledge.DiagnosisRules(_file).ToList();

        Assert.All(sources, s => Assert.NotNull(s.Model));
        Assert.Equal(BuiltInKnowledge.Rules().Select(s => s.Path), sources.Select(s => s.Path));
    }

    [Fact]
    public void A_snapshot_of_another_build_is_not_read()
    {
        Write("another build");

        Assert.All(BuiltInKnowledge.DiagnosisRules(_file), s => Assert.Null(s.Model));
    }

    [Fact]
    public void Without_a_snapshot_the_yaml_files_are_read_as_a_diagnosis_reads_them()
    {
        var sources = BuiltInKnowledge.DiagnosisRules(_file + ".missing").ToList();

        Assert.All(sources, s => Assert.True(s.Model is null && s.Validated && !s.ReadExamples));
        Assert.Equal(BuiltInKnowledge.Rules().Count(), sources.Count);
    }

    private void Write(string key)
    {
        using var output = File.Create(_file);
        RuleSnapshot.Write(BuiltInKnowledge.Rules(), key, output);
    }

    public void Dispose() => Directory.Delete(Path.GetDirectoryName(_file)!, recursive: true);
}
