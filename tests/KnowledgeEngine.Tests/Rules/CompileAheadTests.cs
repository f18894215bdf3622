using KnowledgeEngine.Facts;
using KnowledgeEngine.Rules;
using KnowledgeEngine.Rules.Running;

namespace KnowledgeEngine.Tests.Rules;

/// <summary>
/// While a bundle is scanned, a diagnosis compiles the rules the facts read so far can bring into the report
/// (<see cref="CompileAhead"/>). That is sound only because the choice never shrinks as facts come in: every rule chosen
/// for part of a bundle's facts is chosen for all of them, so nothing is compiled in vain.
/// </summary>
public sealed class CompileAheadTests
{
    [Theory]
    [MemberData(nameof(DiagnosisLoadTests.Bundles), MemberType = typeof(DiagnosisLoadTests))]
    public void The_rules_chosen_for_part_of_a_bundle_s_facts_are_chosen_for_all_of_them(string bundle)
    {
        var rules = DiagnosisLoadTests.Full.Value;
        using var opened = Bundle.Open(Path.Combine(RepositoryPaths.Rules, bundle));
        var facts = opened.Scan(rules.ScanPlan).ToList();
        var all = Chosen(rules, facts);

        // Parts in scan order and in shuffled orders: a scan's files finish in any order their workers take.
        var random = new Random(bundle.Length);
        foreach (var order in new[] { facts, facts.OrderBy(_ => random.Next()).ToList(), facts.OrderBy(_ => random.Next()).ToList() })
        {
            for (var count = 0; count < order.Count; count += Math.Max(1, order.Count / 7))
            {
                var part = Chosen(rules, order.Take(count));
                Assert.True(part.IsSubsetOf(all), $"{count} of {order.Count} facts chose {string.Join(", ", part.Except(all))}, which all of them do not");
            }
        }
    }

    [Fact]
    public void Compiles_exactly_the_rules_the_facts_so_far_make_relevant()
    {
        var rules = RuleSet.Load(DiagnosisLoadTests.BuiltIn.Select(s => s.AsBuiltInForDiagnosis()), null);
        var facts = ReadmeExampleFacts(rules);
        var ahead = new CompileAhead(rules.Entries, rules.ScanPlan, []);

        ahead.Update(facts);
        ahead.Finish();

        var expected = Chosen(rules, facts);
        Assert.NotEmpty(expected);
        Assert.Equal(expected.Order(StringComparer.Ordinal), rules.Entries.Where(e => e.IsCompiled).Select(e => e.Id).Order(StringComparer.Ordinal));
        Assert.Equal(expected.Count, ahead.Compiled);
    }

    [Fact]
    public void A_later_call_compiles_only_what_the_new_facts_add()
    {
        var rules = RuleSet.Load(DiagnosisLoadTests.BuiltIn.Select(s => s.AsBuiltInForDiagnosis()), null);
        var facts = ReadmeExampleFacts(rules);
        var ahead = new CompileAhead(rules.Entries, rules.ScanPlan, []);
        var seen = new List<Fact>();

        foreach (var fact in facts)
        {
            seen.Add(fact);
            ahead.Finish();
            ahead.Update(seen);
        }
        ahead.Finish();
        ahead.Update(seen);

        Assert.Equal(Chosen(rules, facts).Count, ahead.Compiled);
        Assert.Equal(ahead.Compiled, rules.CompiledCount);
    }

    [Fact]
    public void Only_facts_that_change_what_can_hold_call_for_a_new_choice()
    {
        var relevance = new RuleRelevance(DiagnosisLoadTests.Full.Value.ScanPlan);
        LogFact Repeat() => RuleHarness.Log("register failed: 409") with { Matched = ["literal1"] };

        Assert.True(relevance.Add([Repeat()]));
        Assert.False(relevance.Add([Repeat(), Repeat()]));
        Assert.True(relevance.Add([RuleHarness.Resource("hosts", "{\"name\": \"h1\"}")]));
        Assert.False(relevance.Add([RuleHarness.Resource("hosts", "{\"name\": \"h2\"}")]));
        Assert.True(relevance.Add([RuleHarness.Log("a record no pattern was matched to")]));
    }

    private static List<Fact> ReadmeExampleFacts(RuleSet rules)
    {
        using var opened = Bundle.Open(RepositoryPaths.Bundle("cloudpods/host-mac-changed/fires"));
        return opened.Scan(rules.ScanPlan).ToList();
    }

    private static HashSet<string> Chosen(RuleSet rules, IEnumerable<Fact> facts) =>
        RuleRelevance.Select(rules.Entries, rules.ScanPlan, facts, []).Select(e => e.Id).ToHashSet(StringComparer.Ordinal);
}
