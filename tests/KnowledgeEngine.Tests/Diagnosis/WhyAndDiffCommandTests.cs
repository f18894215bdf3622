using KnowledgeEngine.Tests.Reports;

namespace KnowledgeEngine.Tests.Diagnosis;

[Collection("Console")]
public class WhyAndDiffCommandTests
{
    [Fact]
    public void Why_on_a_near_miss_bundle_names_the_missing_condition_and_exits_zero()
    {
        var (code, stdout, _) = KbRun.Run("why", "cloudpods/host-mac-changed", KbRun.Bundle("cloudpods/host-mac-changed/silent"));

        Assert.Equal(0, code);
        Assert.Contains("cloudpods/host-mac-changed does not fire", stdout);
        Assert.Contains("MISSING log 'duplicate manager_uri https://(?<ip>[0-9.]+):(?<port>\\d+)' (rules/cloudpods/host-mac-changed.yaml:", stdout);
    }

    [Fact]
    public void Why_with_an_unknown_rule_exits_one_with_advice()
    {
        var (code, _, stderr) = KbRun.Run("why", "cloudpods/no-such-rule", KbRun.Bundle("cloudpods/host-mac-changed/silent"));

        Assert.Equal(1, code);
        Assert.Contains("no rule 'cloudpods/no-such-rule'", stderr);
        Assert.DoesNotContain("   at ", stderr);
    }

    [Fact]
    public void Diff_after_a_successful_fix_reports_the_cause_cleared_and_exits_zero()
    {
        var (code, stdout, _) = KbRun.Run("diff", KbRun.Bundle("talos/maintenance-raid-settle-late/fires"), KbRun.Bundle("harvester/upgrade-stuck-node-without-machine/silent"));

        Assert.Equal(0, code);
        Assert.Contains("1 cleared, 0 remaining, 0 new", stdout);
    }

    [Fact]
    public void Diff_while_the_cause_remains_exits_two()
    {
        var bundle = KbRun.Bundle("cloudpods/host-disabled/fires");

        var (code, stdout, _) = KbRun.Run("diff", bundle, bundle);

        Assert.Equal(2, code);
        Assert.Contains("0 cleared, 1 remaining, 0 new", stdout);
    }

    [Fact]
    public void Diff_with_a_missing_bundle_exits_one_without_a_stack_trace()
    {
        var (code, _, stderr) = KbRun.Run("diff", KbRun.Bundle("no/such/bundle"), KbRun.Bundle("cloudpods/host-disabled/fires"));

        Assert.Equal(1, code);
        Assert.StartsWith("kb diff: ", stderr);
        Assert.DoesNotContain("   at ", stderr);
    }
}
