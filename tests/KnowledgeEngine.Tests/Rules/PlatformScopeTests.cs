using KnowledgeEngine.Facts;
using KnowledgeEngine.Rules;

namespace KnowledgeEngine.Tests.Rules;

/// <summary>A log condition without a <c>source</c> reads the logs of its own rule's platform's bundles and of bundles
/// of no platform the rules know (docs/rule-language.md, "Where a log condition looks"): the scan plan looks for its
/// pattern only there, and the compiled condition accepts only such records, whichever rule's pattern brought them in.</summary>
public sealed class PlatformScopeTests
{
    private const string Literal = "etcd: member lost";

    /// <summary>The same literal read by a Talos rule without a source and by a Cloudpods rule from the host logs.</summary>
    private static RuleSet Rules() => RuleHarness.Load(
        TempRules.Minimal("talos/member-lost", $"  - log: {{ contains: '{Literal}' }}\n    as: lost\n"),
        TempRules.Minimal("cloudpods/host-member-lost", $"  - log: {{ contains: '{Literal}', source: '**/host*.log' }}\n    as: lost\n"));

    private static IEnumerable<string> Fired(RuleSet rules, string? bundlePlatform, string source = "logs/host.log") =>
        rules.Run([RuleHarness.Log(Literal, source) with { BundlePlatform = bundlePlatform }]).Fired.Select(f => f.Rule.Id).Order();

    [Fact]
    public void A_pattern_without_a_source_is_not_looked_for_in_a_bundle_of_another_known_platform()
    {
        var plan = Rules().ScanPlan;
        var other = ScanPlan.CreateBuilder().AddLiteral("x", "unrelated literal").Build();

        Assert.Empty(plan.For("logs/kube.log", "cloudpods").Literals);
        Assert.Equal([Literal], plan.For("logs/kube.log", "talos").Literals);
        Assert.Equal([Literal], plan.For("logs/kube.log", null).Literals);
        Assert.Equal([Literal], plan.For("logs/host.log", "cloudpods").Literals);
        Assert.Equal(["unrelated literal"], other.For("logs/kube.log", "cloudpods").Literals);
    }

    [Theory]
    [InlineData("talos", "talos")]
    [InlineData("cloudpods", "cloudpods")]
    [InlineData("linux", null)]
    [InlineData("kubernetes", null)]
    [InlineData(null, null)]
    public void A_bundle_platform_counts_only_when_the_rules_know_it(string? bundle, string? read)
    {
        Assert.Equal(read, Rules().ScanPlan.PlatformOf(bundle));
    }

    [Fact]
    public void A_rule_of_another_platform_does_not_read_a_record_another_rule_brought_in()
    {
        Assert.Equal(["cloudpods/host-member-lost"], Fired(Rules(), "cloudpods"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("talos")]
    public void In_its_own_platform_or_none_the_rule_reads_every_log(string? platform)
    {
        Assert.Contains("talos/member-lost", Fired(Rules(), platform, source: "logs/kube.log"));
    }

    [Fact]
    public void A_condition_with_a_source_reads_its_files_in_a_bundle_of_any_platform()
    {
        Assert.Equal(["cloudpods/host-member-lost", "talos/member-lost"], Fired(Rules(), "talos"));
    }

    [Theory]
    [InlineData("platform: cloudpods\n", new string[0])]
    [InlineData("platform: talos\n", new[] { "talos/member-lost" })]
    [InlineData(null, new[] { "talos/member-lost" })]
    public void A_bundle_read_from_disk_carries_its_platform_to_the_scan_and_the_rules(string? manifest, string[] expected)
    {
        var rules = RuleHarness.Load(TempRules.Minimal("talos/member-lost", $"  - log: {{ contains: '{Literal}' }}\n    as: lost\n"),
            TempRules.Minimal("cloudpods/other", "  - log: { contains: 'unrelated literal' }\n    as: other\n"));
        using var folder = new TempRules();
        folder.Write("logs/kube.log", $"2026-03-14T10:00:00Z {Literal}\n");
        if (manifest is not null)
        {
            folder.Write("bundle.yaml", manifest);
        }

        using var bundle = Bundle.Open(folder.Path);

        Assert.Equal(expected, rules.Run(bundle).Fired.Select(f => f.Rule.Id).Distinct().Order());
    }
}
