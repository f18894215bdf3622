using KnowledgeEngine.Diagnosis;
using KnowledgeEngine.Facts;
using KnowledgeEngine.Rules;

namespace KnowledgeEngine.Tests.Diagnosis;

public class DiagnosisDiffTests
{
    private static readonly RuleSet Rules = RuleSet.Load(Path.Combine(RepositoryPaths.Root, "rules"), RepositoryPaths.Root);

    private static DiagnosisResult Diagnose(string bundle)
    {
        using var opened = Bundle.Open(RepositoryPaths.Bundle(bundle));
        return Diagnoser.Diagnose(Rules, opened);
    }

    [Fact]
    public void A_cause_absent_after_the_fix_is_cleared()
    {
        var diff = DiagnosisDiff.Compare(Diagnose("cloudpods/host-mac-changed/fires"), Diagnose("cloudpods/host-mac-changed/silent"));

        Assert.Contains(diff.Cleared, h => h.RuleId == "cloudpods/host-mac-changed");
        Assert.DoesNotContain(diff.Remaining, r => r.Before.RuleId == "cloudpods/host-mac-changed");
    }

    [Fact]
    public void The_same_cause_with_the_same_values_remains()
    {
        var diagnosis = Diagnose("cloudpods/host-mac-changed/fires");

        var diff = DiagnosisDiff.Compare(diagnosis, Diagnose("cloudpods/host-mac-changed/fires"));

        Assert.Empty(diff.Cleared);
        Assert.Empty(diff.New);
        Assert.Equal(diagnosis.Causes.Count, diff.Remaining.Count);
    }

    [Fact]
    public void A_cause_that_appears_only_after_is_new()
    {
        var diff = DiagnosisDiff.Compare(Diagnose("cloudpods/host-mac-changed/silent"), Diagnose("cloudpods/host-mac-changed/fires"));

        Assert.Contains(diff.New, h => h.RuleId == "cloudpods/host-mac-changed");
    }
}
