using KnowledgeEngine.Diagnosis;
using KnowledgeEngine.Facts;
using KnowledgeEngine.Rules;
using KnowledgeEngine.Rules.Model;

namespace KnowledgeEngine.Tests.Diagnosis;

/// <summary>
/// The knowledge pack's cross-check: every example bundle (rules/&lt;platform&gt;/examples/) is diagnosed with the
/// whole knowledge base. What may appear is read from the one place that says what a bundle fires, the
/// examples of the rules that name it (expect: fires or suspected, and their also:); no other cause may
/// appear, so a bundle no example expects anything of yields no cause at all. Where each cause ranks is
/// the examples' rank:, checked by kb test.
/// </summary>
public sealed class CrossCheckTests
{

    private static readonly RuleSet Rules = RuleSet.Load(Path.Combine(RepositoryPaths.Root, "rules"), RepositoryPaths.Root);

    public static TheoryData<string> Bundles() => new(
        Directory.EnumerateDirectories(RepositoryPaths.Rules, "examples", SearchOption.AllDirectories)
            .SelectMany(examples => Directory.EnumerateFiles(examples, "bundle.yaml", SearchOption.AllDirectories))
            .Select(manifest => Path.GetRelativePath(RepositoryPaths.Root, Path.GetDirectoryName(manifest)!).Replace('\\', '/'))
            .Order(StringComparer.Ordinal));

    [Theory]
    [MemberData(nameof(Bundles))]
    public void Bundle_yields_only_the_causes_its_examples_expect(string bundle)
    {
        var examples = Rules.Rules.SelectMany(r => r.Model.Examples.Select(e => (Rule: r.Id, Example: e)))
            .Where(x => x.Example.Bundle?.Value == bundle).ToList();
        var expected = examples.Where(x => x.Example.Expect?.Value is ExampleExpectation.Fires or ExampleExpectation.Suspected)
            .SelectMany(x => x.Example.Also.Select(a => a.Value).Prepend(x.Rule)).ToHashSet(StringComparer.Ordinal);

        using var opened = Bundle.Open(Path.Combine(RepositoryPaths.Root, bundle));
        var causes = Diagnoser.Diagnose(Rules, opened).Causes;

        Assert.True(examples.Count > 0, $"no rule example names {bundle}: add one to the rule it shows (bundle: {bundle})");
        var unexpected = causes.Where(c => !expected.Contains(c.RuleId)).Select(c => $"{c.RuleId} ({c.Status.ToString().ToLowerInvariant()} {c.Confidence:0.00})").ToList();
        Assert.True(unexpected.Count == 0,
            $"{bundle}: causes no example on it expects: {string.Join(", ", unexpected)}; expected only [{string.Join(", ", expected.Order())}]");
    }
}
