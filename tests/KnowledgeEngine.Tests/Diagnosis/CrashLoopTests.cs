using System.Text;
using System.Text.RegularExpressions;
using KnowledgeEngine.Diagnosis;
using KnowledgeEngine.Facts;
using KnowledgeEngine.Rules;

namespace KnowledgeEngine.Tests.Diagnosis;

/// <summary>
/// A crash loop: the host service of the README example bundle restarting 10,000 times, each time writing its
/// `Master MAC:` line and the 409 `duplicate manager_uri` failure. As separate facts the rule's join paired every
/// repeat with every other and the run died at the fire limit; collapsed, it is one cause with a repeat count.
/// </summary>
public sealed partial class CrashLoopTests : IDisposable
{
    private const string HostLog = "control/logs/onecloud/default-host-x9k2p/host.log";
    private const int Repeats = 10_000;

    private readonly string _bundle = Directory.CreateTempSubdirectory("kb-crashloop-").FullName;

    public void Dispose() => Directory.Delete(_bundle, recursive: true);

    [Fact]
    public void Ten_thousand_repeats_rank_the_mac_change_first_with_the_409_fact_counting_every_repeat()
    {
        WriteCrashLoop();
        var rules = RuleSet.Load(Path.Combine(RepositoryPaths.Root, "rules"), RepositoryPaths.Root);
        using var opened = Bundle.Open(_bundle);

        var top = Diagnoser.Diagnose(rules, opened).Causes[0];

        Assert.Equal("cloudpods/host-mac-changed", top.RuleId);
        var conflict = Assert.IsType<LogFact>(top.Fired.Facts.Single(f => f.Name == "conflict").Fact);
        Assert.Equal(Repeats, conflict.Repeats);
    }

    /// <summary>The example bundle with its host log replaced by the pair, repeated; the lines are the example's
    /// own, five seconds apart per restart, the last pair at the example's time.</summary>
    private void WriteCrashLoop()
    {
        var example = RepositoryPaths.Bundle("cloudpods/host-mac-changed/fires");
        Facts.TestBundle.CopyFolder(example, _bundle);
        var lines = File.ReadAllLines(Path.Combine(example, HostLog));
        var mac = lines.First(l => l.Contains("Master MAC: ", StringComparison.Ordinal));
        var failure = lines.First(l => l.Contains("duplicate manager_uri", StringComparison.Ordinal));
        var last = DateTime.Parse(Time().Match(mac).Value, System.Globalization.CultureInfo.InvariantCulture);
        var log = new StringBuilder();
        for (var i = 0; i < Repeats; i++)
        {
            var time = last.AddSeconds(-5.0 * (Repeats - 1 - i)).ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture);
            log.Append(Time().Replace(mac, time, 1)).Append('\n');
            log.Append(Time().Replace(failure, time, 1)).Append('\n');
        }
        File.WriteAllText(Path.Combine(_bundle, HostLog), log.ToString());
    }

    [GeneratedRegex(@"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d")]
    private static partial Regex Time();
}
