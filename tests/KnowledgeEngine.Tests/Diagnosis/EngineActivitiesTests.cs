using System.Diagnostics;
using KnowledgeEngine.Diagnosis;
using KnowledgeEngine.Facts;
using KnowledgeEngine.Rules;
using KnowledgeEngine.Tests.Facts;

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
        // How many rules were compiled ahead, during the scan, and how many were left for the compile span depends on
        // the thread scheduler (a fast machine compiled all of them ahead); together they are the bundle's rules.
        var ahead = Children(spans[0]).Where(s => s.OperationName == EngineActivities.CompileAhead);
        Assert.True(ahead.Sum(RulesOf) + RulesOf(spans[1]) > 0);
    }

    [Fact]
    public void Rules_compiled_ahead_are_spans_of_the_scan_that_end_before_the_compile_starts()
    {
        var rules = RuleSet.Load(Rules.DiagnosisLoadTests.BuiltIn.Select(s => s.AsBuiltInForDiagnosis()), null);
        using var files = new TestBundle();

        // The README example with a big log sorted last: the reader waits for that log's worker after the example's
        // own facts, which is when the rules they make relevant are compiled.
        var bundle = files.Folder("bundle", new() { ["node-08/logs/onecloud/default-host-zz/host.log"] = HeartbeatLog(8_000_000) });
        TestBundle.CopyFolder(RepositoryPaths.Bundle("cloudpods/host-mac-changed/fires"), bundle);
        var spans = Diagnose(rules, bundle);

        var ahead = Children(spans[0]);
        Assert.NotEmpty(ahead);
        Assert.All(ahead, span =>
        {
            Assert.Equal(EngineActivities.CompileAhead, span.OperationName);
            Assert.True(RulesOf(span) > 0);
            Assert.True(span.StartTimeUtc + span.Duration <= spans[1].StartTimeUtc, "a compile ahead ran on into the diagnosis's own compile");
        });
    }

    [Fact]
    public void A_second_diagnosis_of_the_same_bundle_compiles_nothing_and_reuses_its_network()
    {
        var rules = RuleSet.Load(Rules.DiagnosisLoadTests.BuiltIn.Select(s => s.AsBuiltInForDiagnosis()), null);
        Diagnose(rules);

        var spans = Diagnose(rules);

        Assert.Equal([EngineActivities.Scan, EngineActivities.Compile, EngineActivities.Run], spans.Select(s => s.OperationName));
        Assert.Equal(0, spans[1].GetTagItem("rules"));
        Assert.Empty(Children(spans[0]));
    }

    /// <summary>The spans directly under a diagnosis run in a root span of this test's own, by start time.</summary>
    private List<Activity> Diagnose(RuleSet rules, string? bundle = null)
    {
        using var opened = Bundle.Open(bundle ?? RepositoryPaths.Bundle("cloudpods/host-mac-changed/fires"));
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

    private List<Activity> Children(Activity parent)
    {
        lock (_stopped)
        {
            return _stopped.Where(a => a.ParentId == parent.Id).OrderBy(a => a.StartTimeUtc).ToList();
        }
    }

    private static int RulesOf(Activity span) => (int)span.GetTagItem("rules")!;

    /// <summary>Heartbeat records of a host log, no fewer than <paramref name="length"/> characters: none matches a rule.</summary>
    private static string HeartbeatLog(int length)
    {
        var log = new System.Text.StringBuilder();
        for (var line = 0; log.Length < length; line++)
        {
            log.Append("[info 2026-03-14 10:00:00 host] heartbeat ").Append(line).Append(" ok\n");
        }

        return log.ToString();
    }
}
