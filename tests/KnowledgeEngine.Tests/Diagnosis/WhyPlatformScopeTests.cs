using KnowledgeEngine.Tests.Reports;
using KnowledgeEngine.Tests.Rules;

namespace KnowledgeEngine.Tests.Diagnosis;

/// <summary>
/// kb why reads a bundle as kb diagnose does: a log condition without a source reads only the logs of its rule's
/// platform's bundles and of bundles of no platform the rules know, and why says so when that is what it missed,
/// instead of listing candidates it was never going to read (docs/rule-language.md, "Where a log condition looks").
/// </summary>
[Collection("Console")]
public sealed class WhyPlatformScopeTests : IDisposable
{
    private const string Literal = "etcd: member lost";

    private readonly TempRules _rules = new();
    private readonly TempRules _bundle = new();

    public WhyPlatformScopeTests()
    {
        _rules.Write("talos/member-lost.yaml", TempRules.Minimal("talos/member-lost", $"  - log: {{ contains: '{Literal}' }}\n    as: lost\n"));
        _bundle.Write("logs/kube.log", $"2026-03-14T10:00:00Z {Literal}\n");
    }

    public void Dispose()
    {
        _rules.Dispose();
        _bundle.Dispose();
    }

    [Fact]
    public void In_a_bundle_of_another_platform_the_condition_is_missing_and_why_says_it_was_not_looked_for()
    {
        _bundle.Write("bundle.yaml", "platform: cloudpods\n");

        var (code, stdout, _) = KbRun.Run("why", "talos/member-lost", _bundle.Path, "--rules", _rules.Path);

        Assert.Equal(0, code);
        Assert.Contains("talos/member-lost does not fire: 0 of 1 required conditions hold.", stdout);
        Assert.Contains("not looked for in this cloudpods bundle: a log condition without a source reads only the logs of talos bundles", stdout);
        Assert.DoesNotContain("closest candidates", stdout);
    }

    [Theory]
    [InlineData("platform: talos\n")]
    [InlineData(null)]
    public void In_a_bundle_of_its_own_platform_or_of_none_the_condition_holds(string? manifest)
    {
        if (manifest is not null)
        {
            _bundle.Write("bundle.yaml", manifest);
        }

        var (code, stdout, _) = KbRun.Run("why", "talos/member-lost", _bundle.Path, "--rules", _rules.Path);

        Assert.Equal(0, code);
        Assert.Contains("talos/member-lost fires: all 1 required conditions hold.", stdout);
    }
}
