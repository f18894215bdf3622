using KnowledgeEngine.Diagnosis;
using KnowledgeEngine.Facts;
using KnowledgeEngine.Reports;
using KnowledgeEngine.Rules;

namespace KnowledgeEngine.NRules.Tests;

/// <summary>Every example bundle of the shipped rules (rules/*/examples/*/*) diagnosed by both
/// engines: the JSON reports, plain and with --explain's derivations, must be the same bytes, but
/// for the differences listed in <see cref="KnownDifferences"/>, each with its cause.</summary>
public class ExampleBundleTests
{
    /// <summary>Where the reports differ, the text our engine writes and the one NRules writes instead.
    /// Each entry is a defect of one engine found by this test, kept visible until it is fixed: the
    /// test fails when the reports stop differing this exact way.</summary>
    private static readonly Dictionary<string, (string Ours, string NRules, string Cause)> KnownDifferences = new(StringComparer.Ordinal)
    {
    };

    private static string RepositoryRoot => Repository.Root;

    public static TheoryData<string> Bundles()
    {
        var data = new TheoryData<string>();
        foreach (var bundle in Directory.GetDirectories(Path.Combine(RepositoryRoot, "rules"), "*", SearchOption.TopDirectoryOnly)
                     .Select(platform => Path.Combine(platform, RuleSet.ExamplesFolder))
                     .Where(Directory.Exists)
                     .SelectMany(examples => Directory.GetDirectories(examples).SelectMany(Directory.GetDirectories))
                     .Select(b => Path.GetRelativePath(RepositoryRoot, b).Replace('\\', '/'))
                     .Order(StringComparer.Ordinal))
        {
            data.Add(bundle);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Bundles))]
    public void Both_engines_write_the_same_report(string bundle)
    {
        var ours = Diagnose(Repository.Ours, bundle);
        var nrules = Diagnose(Repository.OnNRules, bundle);

        foreach (var explain in new[] { false, true })
        {
            var expected = DiagnosisReport.Of(ours, explain: explain).ToJson();
            var actual = DiagnosisReport.Of(nrules, explain: explain).ToJson();
            if (KnownDifferences.TryGetValue(bundle, out var known))
            {
                Assert.NotEqual(expected, actual);
                Assert.Contains(known.Ours, expected);
                expected = expected.Replace(known.Ours, known.NRules, StringComparison.Ordinal);
            }

            Assert.Equal(expected, actual);
        }
    }

    [Fact]
    public void Every_platform_has_example_bundles_to_compare()
    {
        Assert.True(Bundles().Count >= 20, $"only {Bundles().Count} example bundles found under {RepositoryRoot}/rules");
    }

    private static DiagnosisResult Diagnose(RuleSet rules, string bundle)
    {
        using var opened = Bundle.Open(Path.Combine(RepositoryRoot, bundle));
        return Diagnoser.Diagnose(rules, opened);
    }
}
