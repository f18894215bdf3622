using System.Diagnostics;
using KnowledgeEngine.Diagnosis;
using KnowledgeEngine.Facts;
using KnowledgeEngine.Rules;

namespace KnowledgeEngine.Tests.Diagnosis;

/// <summary>
/// A diagnosis reports its phases as spans of <see cref="EngineActivities.SourceName"/>, which KB_TIMINGS=1
/// prints. The listener is process-wide and tests run in parallel, so each test keeps only the spans under a
/// root span of its own.
/// </summary>
public sealed class EngineActivitiesTests : IDisposable
{
    private const string TestSourceName = "KnowledgeEngine.Tests.EngineActivities";

    // Compared by name in the listener: a static source may be created while the listener is being added, and
    // would then be missed.
    private static readonly ActivitySource TestSource = new(TestSourceName);

    private readonly List<Activity> _stopped = [];
    private readonly ActivityListener _listener;

    public EngineActivitiesTests()
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = s => s.Name is EngineActivities.SourceName or TestSourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData,
            ActivityStopped = a =>
            {
                lock (_stopped)
                {
                    _stopped.Add(a);
                }
            },
        };
        ActivitySource.AddActivityListener(_listener);
    }

    public void Dispose() => _listener.Dispose();

    [Fact]
    public void A_first_diagnosis_spans_scan_compile_network_and_run_in_that_order()
    {
        // A diagnosis load (kb diagnose's) compiles a rule when a bundle first needs it; a full load compiles all.
        var rules = RuleSet.Load(Rules.DiagnosisLoadTests.BuiltIn.Select(s => s.AsBuiltInForDiagnosis()), null);

        var spans = Diagnose(rules);

        Assert.Equal([EngineActivities.Scan, EngineActivities.Compile, EngineActivities.Network, EngineActivities.Run],
            spans.Select(s => s.OperationName));
        Assert.True((int)spans[1].GetTagItem("rules")! > 0);
    }

    [Fact]
    public void A_second_diagnosis_of_the_same_bundle_compiles_nothing_and_reuses_its_network()
    {
        var rules = RuleSet.Load(Rules.DiagnosisLoadTests.BuiltIn.Select(s => s.AsBuiltInForDiagnosis()), null);
        Diagnose(rules);

        var spans = Diagnose(rules);

        Assert.Equal([EngineActivities.Scan, EngineActivities.Compile, EngineActivities.Run], spans.Select(s => s.OperationName));
        Assert.Equal(0, spans[1].GetTagItem("rules"));
    }

    private List<Activity> Diagnose(RuleSet rules)
    {
        using var opened = Bundle.Open(RepositoryPaths.Bundle("cloudpods/host-mac-changed/fires"));
        string root;
        using (var test = TestSource.StartActivity("diagnose")!)
        {
            root = test.Id!;
            Diagnoser.Diagnose(rules, opened);
        }

        lock (_stopped)
        {
            return _stopped.Where(a => a.ParentId == root).OrderBy(a => a.StartTimeUtc).ToList();
        }
    }
}
