using KnowledgeEngine.Facts;
using KnowledgeEngine.Rules;

namespace KnowledgeEngine.Tests.Rules;

/// <summary>
/// A diagnosis builds its network only of the rules the bundle's facts can bring into the report
/// (RuleRelevance); the report must be the one the network of every rule gives. The oracle is that full
/// network, on every example bundle of the knowledge base.
/// </summary>
public sealed class RuleRelevanceTests
{
    private static readonly RuleSet Rules = RuleSet.Load(RepositoryPaths.Rules, RepositoryPaths.Root);

    public static TheoryData<string> Bundles() => new(
        Directory.EnumerateFiles(RepositoryPaths.Rules, "bundle.yaml", SearchOption.AllDirectories)
            .Select(manifest => Path.GetRelativePath(RepositoryPaths.Root, Path.GetDirectoryName(manifest)!).Replace('\\', '/'))
            .Order(StringComparer.Ordinal));

    [Theory]
    [MemberData(nameof(Bundles))]
    public void The_relevant_rules_give_the_report_every_rule_gives(string bundle)
    {
        using var opened = Bundle.Open(Path.Combine(RepositoryPaths.Root, bundle));
        var facts = opened.Scan(Rules.ScanPlan).ToList();

        var relevant = Rules.RunWithNearMisses(facts, everyRule: false);
        var every = Rules.RunWithNearMisses(facts, everyRule: true);

        Assert.Equal(Describe(every), Describe(relevant));
    }

    [Fact]
    public void A_rule_chained_on_a_derived_fact_is_kept_when_its_symptom_can_fire()
    {
        var rules = RuleHarness.Load("""
            id: cloudpods/symptom
            title: A symptom
            platform: cloudpods
            severity: high
            when:
              - log: { contains: "register failed" }
                as: error
            cause: { summary: a symptom, confidence: 0.4 }
            derive: { fact: registration_failed, at: "{{ error.source }}" }
            """, """
            id: cloudpods/cause
            title: A cause chained on it
            platform: cloudpods
            severity: high
            when:
              - fact: { name: registration_failed }
                as: failed
                signature: true
              - log: { contains: "duplicate manager_uri" }
                as: conflict
                collect: grep manager_uri host.log
            cause: { summary: the cause, confidence: 0.8 }
            """);

        var run = rules.RunWithNearMisses([RuleHarness.Log("register failed: 409")]);

        Assert.Equal("cloudpods/cause", Assert.Single(run.Suspected).Id);
    }

    private static List<string> Describe(RuleRun run) =>
    [
        .. run.Fired.Select(f => $"fired {f.Id} {string.Join(",", f.Values.OrderBy(v => v.Key).Select(v => $"{v.Key}={v.Value}"))}"),
        .. run.Suspected.Select(f => $"suspected {f.Id} unmet {string.Join(",", f.Unmet.Select(u => u.Description))}"),
        .. run.NearMisses.Select(n => $"near miss {n.Rule.Id} without {n.Missing.Name}"),
        .. run.Derived.Select(d => $"derived {d}").Order(StringComparer.Ordinal),
    ];
}
