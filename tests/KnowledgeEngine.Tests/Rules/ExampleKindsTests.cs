using KnowledgeEngine.Rules;
using KnowledgeEngine.Rules.Model;

namespace KnowledgeEngine.Tests.Rules;

/// <summary>
/// Issue 13's "every rule has fires, silent and suspected examples", checked on the built-in rules:
/// each rule ships at least one example of each kind (kb test then proves they pass). The test
/// names every rule and the kinds it lacks.
/// </summary>
public sealed class ExampleKindsTests
{
    private static readonly RuleSet Rules = RuleSet.Load(RepositoryPaths.Rules, RepositoryPaths.Root);

    private static readonly ExampleExpectation[] Kinds = [ExampleExpectation.Fires, ExampleExpectation.Silent, ExampleExpectation.Suspected];

    /// <summary>
    /// Rules that have no suspected example yet, each with the reason. The list may only shrink: an
    /// entry that gains a suspected example, or no longer names a rule, fails the test.
    /// </summary>
    private static readonly Dictionary<string, string> NoSuspectedYet = new(StringComparer.Ordinal)
    {
    };

    [Fact]
    public void Every_built_in_rule_has_a_fires_a_silent_and_a_suspected_example()
    {
        Assert.False(Rules.HasErrors, string.Join("\n", Rules.Diagnostics));
        var gaps = new List<string>();
        foreach (var rule in Rules.Rules.OrderBy(r => r.Id, StringComparer.Ordinal))
        {
            var present = rule.Model.Examples.Select(e => e.Expect?.Value ?? ExampleExpectation.Fires).ToHashSet();
            var missing = Kinds.Where(k => !present.Contains(k)).ToList();
            if (NoSuspectedYet.ContainsKey(rule.Id))
            {
                if (present.Contains(ExampleExpectation.Suspected))
                {
                    gaps.Add($"{rule.Id}: has a suspected example now; remove it from {nameof(NoSuspectedYet)}");
                }

                missing.Remove(ExampleExpectation.Suspected);
            }

            if (missing.Count > 0)
            {
                gaps.Add($"{rule.Id}: no {string.Join(", no ", missing.Select(k => k.ToString().ToLowerInvariant()))} example");
            }
        }

        var ids = Rules.Rules.Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        gaps.AddRange(NoSuspectedYet.Keys.Where(id => !ids.Contains(id)).Select(id => $"{id}: listed in {nameof(NoSuspectedYet)} but no such rule"));
        Assert.True(gaps.Count == 0, string.Join("\n", gaps));
    }
}
