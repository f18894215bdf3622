using System.Text;
using System.Text.Json;
using KnowledgeEngine.Facts;
using KnowledgeEngine.Tests.Rules;

namespace KnowledgeEngine.Tests.Facts;

/// <summary>Identical records of one file become one log fact with a repeat count (docs/facts.md, "Repeats").</summary>
public sealed class RepeatTests : IDisposable
{
    private readonly TestBundle _disk = new();

    public void Dispose() => _disk.Dispose();

    private static string Mac(int second, string mac = "b4:96:91:2c:7e:10") =>
        $"[info 2026-03-14 09:08:{second:00} hostinfo.(*SHostInfo).ensureHostRecord(hostinfo.go:1260)] Master MAC: {mac}\n";

    private static string Unrelated(int second) =>
        $"[info 2026-03-14 09:08:{second:00} hostinfo.(*SHostInfo).Init(hostinfo.go:208)] Start detectHostInfo\n";

    private static ScanPlan Plan(bool counted = false) => ScanPlan.CreateBuilder().AddLiteral("mac", "Master MAC: ", counted).Build();

    [Fact]
    public void Identical_messages_at_different_times_become_one_fact_with_first_and_last_line_and_time()
    {
        var log = Mac(10) + Unrelated(11) + Mac(15) + Unrelated(16) + Mac(20);

        var fact = Assert.Single(LogReading.Read(log, Plan()));

        Assert.Equal(3, fact.Repeats);
        Assert.Equal(1, fact.Line);
        Assert.Equal(new DateTimeOffset(2026, 3, 14, 9, 8, 10, TimeSpan.Zero), fact.Timestamp);
        Assert.Equal(5, fact.LastLine);
        Assert.Equal(new DateTimeOffset(2026, 3, 14, 9, 8, 20, TimeSpan.Zero), fact.LastTimestamp);
        Assert.Equal(Mac(10).TrimEnd('\n'), fact.Text);
    }

    [Fact]
    public void A_record_that_does_not_repeat_has_one_repeat_and_its_own_line_and_time_as_the_last()
    {
        var fact = Assert.Single(LogReading.Read(Unrelated(1) + Mac(10), Plan()));

        Assert.Equal((1, 2, fact.Timestamp), (fact.Repeats, fact.LastLine, fact.LastTimestamp));
    }

    [Theory]
    [InlineData("{{\"level\":\"error\",\"ts\":\"2024-03-09T10:00:0{0}Z\",\"msg\":\"node lost\",\"node\":\"{1}\"}}\n")]
    [InlineData("E0309 10:00:0{0}.000000       1 controller.go:120] \"node lost\" node=\"{1}\"\n")]
    public void One_message_with_other_fields_is_not_merged_but_a_repeat_at_another_time_is(string shape)
    {
        var log = string.Format(shape, 0, "worker-3") + string.Format(shape, 1, "worker-4") + string.Format(shape, 2, "worker-3");

        var facts = LogReading.Read(log, ScanPlan.CreateBuilder().AddLiteral("lost", "node lost").Build());

        Assert.Equal([("worker-3", 2), ("worker-4", 1)], facts.Select(f => (f.Fields["node"], f.Repeats)));
    }

    [Fact]
    public void Different_messages_are_not_merged()
    {
        var facts = LogReading.Read(Mac(10) + Mac(11, "0c:c4:7a:5e:12:3a") + Mac(12), Plan());

        Assert.Equal([(1, 2), (2, 1)], facts.Select(f => (f.Line, f.Repeats)));
    }

    [Fact]
    public void Different_files_are_not_merged()
    {
        using var bundle = Bundle.Open(_disk.Folder("b", new()
        {
            ["node-1/host.log"] = Mac(10) + Mac(11),
            ["node-2/host.log"] = Mac(10) + Mac(11),
        }));

        var logs = bundle.Scan(Plan()).OfType<LogFact>().ToList();

        Assert.Equal([("node-1/host.log", 2), ("node-2/host.log", 2)], logs.Select(f => (f.Source, f.Repeats)));
    }

    [Fact]
    public void Records_of_a_counted_pattern_are_kept_one_by_one()
    {
        var facts = LogReading.Read(Mac(10) + Mac(11) + Mac(12), Plan(counted: true));

        Assert.Equal([1, 2, 3], facts.Select(f => f.Line));
        Assert.All(facts, f => Assert.Equal(1, f.Repeats));
    }

    [Fact]
    public void Keep_all_mode_keeps_every_record()
    {
        var facts = LogReading.Read(Mac(10) + Mac(11) + Mac(12), ScanPlan.KeepAll);

        Assert.Equal([1, 2, 3], facts.Select(f => f.Line));
    }

    [Fact]
    public void A_count_rule_still_fires_on_five_repeats()
    {
        var rules = RuleHarness.Load(TempRules.Minimal("test/flap",
            "  - log: { contains: 'link down' }\n    count: { at_least: 5, within: 3m }\n    as: downs\n"));
        var log = string.Concat(Enumerable.Range(0, 5).Select(i => $"Mar 14 09:0{i / 2}:{i % 2 * 30:00} n1 kernel: eth0 link down\n"));
        using var bundle = Bundle.Open(_disk.Folder("b", new() { ["var/log/messages"] = log }));

        var run = rules.Run(bundle);

        Assert.Equal(5, Assert.Single(run.Fired).Facts.Count);
    }

    [Fact]
    public void A_literal_shared_by_a_counted_and_an_uncounted_condition_is_counted()
    {
        var rules = RuleHarness.Load(
            TempRules.Minimal("test/once", "  - log: { contains: 'link down' }\n"),
            TempRules.Minimal("test/flap", "  - log: { contains: 'link down' }\n    count: { at_least: 5 }\n"));

        Assert.True(Assert.Single(rules.ScanPlan.Patterns).Counted);
    }

    [Fact]
    public void Json_of_a_collapsed_fact_gives_repeats_and_the_last_line_and_time()
    {
        var fact = Assert.Single(LogReading.Read(Mac(10) + Mac(20), Plan()));
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            FactJsonWriter.Write(writer, fact);
        }

        var json = JsonDocument.Parse(Encoding.UTF8.GetString(buffer.ToArray())).RootElement;

        Assert.Equal(2, json.GetProperty("repeats").GetInt32());
        Assert.Equal(2, json.GetProperty("lastLine").GetInt32());
        Assert.Equal("2026-03-14T09:08:20.0000000+00:00", json.GetProperty("lastTimestamp").GetString());
    }
}
