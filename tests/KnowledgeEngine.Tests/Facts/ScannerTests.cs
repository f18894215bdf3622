using System.Text;
using KnowledgeEngine.Facts;
using KnowledgeEngine.Facts.Scanning;

namespace KnowledgeEngine.Tests.Facts;

public sealed class ScannerTests
{
    private const string Syslog =
        "Mar  9 10:00:00 n1 kubelet[10]: Started pod sandbox\n" +
        "Mar  9 10:00:01 n1 containerd[11]: write /var/lib/containerd: No space left on device\n" +
        "Mar  9 10:00:02 n1 kubelet[10]: Back-off restarting failed container; CrashLoopBackOff\n" +
        "Mar  9 10:00:03 n1 kubelet[10]: all good\n";

    private static ScanPlan Plan(params string[] literals)
    {
        var builder = ScanPlan.CreateBuilder();
        foreach (var literal in literals)
        {
            builder.AddLiteral(literal, literal);
        }

        return builder.Build();
    }

    [Fact]
    public void Prefilter_keeps_only_records_containing_a_literal()
    {
        var facts = LogReading.Read(Syslog, Plan("No space left on device", "CrashLoopBackOff"));

        Assert.Equal([2, 3], facts.Select(f => f.LineNumber));
    }

    [Theory]
    [InlineData(400)]    // a hit every 30 KB or so
    [InlineData(12000)]  // a hit every megabyte or so: hits far apart, on either side of a split
    public void A_big_file_scanned_while_another_worker_is_idle_gives_the_same_records_as_on_one_core(int linesPerHit)
    {
        // 3 MB of routine lines with the literals (one of them a Java trace of several lines) at random places,
        // so regions are split and matches fall on both sides of each split and across it.
        var random = new Random(17);
        var text = new StringBuilder();
        for (var line = 0; text.Length < 3_000_000 * Math.Max(1, linesPerHit / 2000); line++)
        {
            var second = line % 60;
            text.Append(random.Next(linesPerHit) switch
            {
                0 => $"2024-03-10 10:00:{second:D2},000 ERROR [c.c.a.Agent] (main:null) Failed: No space left on device (volume {line})\n",
                1 => $"2024-03-10 10:00:{second:D2},000 WARN  [c.c.a.Agent] (main:null) retrying\njava.io.IOException: CrashLoopBackOff in task {line}\n    at c.c.a.Agent.run(Agent.java:42)\n",
                _ => $"2024-03-10 10:00:{second:D2},000 INFO  [c.c.a.Agent] (main:null) heartbeat {line} ok\n",
            });
        }

        var bytes = Encoding.UTF8.GetBytes(text.ToString());
        var plan = Plan("No space left on device", "CrashLoopBackOff");
        var idle = new IdleWorkers();
        idle.Add();

        var oneCore = LogReading.Read(bytes, plan, null, null, IdleWorkers.None, out _);
        var split = LogReading.Read(bytes, plan, null, null, idle, out _);

        Assert.True(oneCore.Count > 10, $"only {oneCore.Count} records matched");
        Assert.Equal(oneCore.Select(f => (f.LineNumber, f.Text, f.Repeats, f.LastLine)), split.Select(f => (f.LineNumber, f.Text, f.Repeats, f.LastLine)));
    }

    [Fact]
    public void A_crash_loop_scanned_in_halves_on_two_cores_gives_the_same_collapsed_facts_as_on_one_core()
    {
        // Every record a hit (the shape where cutting and matching, not the search, is the work): each region is cut
        // at a record near its middle and both halves are matched at once; their repeats must fold as on one core.
        var text = new StringBuilder();
        for (var i = 0; text.Length < 3_000_000; i++)
        {
            text.Append($"[info 2026-03-14 09:{i / 60 % 60:D2}:{i % 60:D2} hostinfo.go:412] Master MAC: 0c:c4:7a:5e:12:{i % 7:D2}\n");
            text.Append($"[error 2026-03-14 09:{i / 60 % 60:D2}:{i % 60:D2} hostinfo.go:1046] register failed: duplicate manager_uri\n");
        }
        var bytes = Encoding.UTF8.GetBytes(text.ToString());
        var plan = ScanPlan.CreateBuilder()
            .AddRegex("mac", @"Master MAC: (?<mac>[0-9a-f:]{17})", "Master MAC: ")
            .AddLiteral("dup", "duplicate manager_uri")
            .Build();

        var oneCore = LogReading.Read(bytes, plan, null, null, IdleWorkers.None, out _);
        var halves = LogReading.Read(bytes, plan, null, null, OneIdle(), out _);

        Assert.Equal(8, oneCore.Count);
        Assert.Equal(oneCore.Select(f => (f.LineNumber, f.Text, f.Repeats, f.LastLine)), halves.Select(f => (f.LineNumber, f.Text, f.Repeats, f.LastLine)));
    }

    [Theory]
    [InlineData(0.2)] // the gate opens in the first half of a region: the second half's work is dropped and redone
    [InlineData(0.7)] // in the second half: from its record on, every record is tried
    public void A_gate_opened_in_either_half_of_a_split_region_opens_the_same_records_as_on_one_core(double at)
    {
        var text = new StringBuilder();
        var lines = 60_000;
        for (var i = 1; i <= lines; i++)
        {
            text.Append(i == (int)(lines * at) ? "x unknown keys found during decoding:\n" : i % 97 == 0 ? "cluster:\n" : i % 13 == 0 ? $"noted {i}\n" : $"padding line {i}\n");
        }
        var bytes = Encoding.UTF8.GetBytes(text.ToString());
        var plan = ScanPlan.CreateBuilder()
            .AddRegex("tree", @"(?m)^(?<section>[a-z][A-Za-z]+):\s*$").After("unknown")
            .AddLiteral("unknown", "unknown keys found during decoding")
            .AddLiteral("noted", "noted")
            .Build();

        var oneCore = LogReading.Read(bytes, plan, null, null, IdleWorkers.None, out _);
        var halves = LogReading.Read(bytes, plan, null, null, OneIdle(), out _);

        Assert.Contains(oneCore, f => f.Matched.Contains("tree"));
        Assert.Equal(oneCore.Select(f => (f.LineNumber, f.Text, string.Join(",", f.Matched))), halves.Select(f => (f.LineNumber, f.Text, string.Join(",", f.Matched))));
    }

    private static IdleWorkers OneIdle()
    {
        var idle = new IdleWorkers();
        idle.Add();
        return idle;
    }

    [Fact]
    public void Matched_ids_name_the_patterns_a_record_contains()
    {
        var facts = LogReading.Read(Syslog, Plan("CrashLoopBackOff", "Back-off", "x509"));

        Assert.Equal(["CrashLoopBackOff", "Back-off"], Assert.Single(facts).Matched);
    }

    [Fact]
    public void Hit_in_a_continuation_line_yields_the_whole_record_at_its_first_line()
    {
        var text =
            "2024-03-09 10:00:00,101 INFO  [c.c.a.ApiServer] (qtp-1:ctx-1) (logid:1) first\n" +
            "2024-03-09 10:00:01,101 ERROR [c.c.v.VmWorkJobDispatcher] (Work-Job-1:ctx-2) (logid:2) job failed\n" +
            "java.lang.RuntimeException: boom\n" +
            "\tat com.cloud.storage.VolumeApiServiceImpl.attach(VolumeApiServiceImpl.java:77)\n" +
            "2024-03-09 10:00:02,101 INFO  [c.c.a.ApiServer] (qtp-1:ctx-3) (logid:3) last\n";

        var fact = Assert.Single(LogReading.Read(text, Plan("VolumeApiServiceImpl")));

        Assert.Equal(2, fact.LineNumber);
        Assert.Equal("error", fact.Level);
        Assert.StartsWith("2024-03-09 10:00:01,101 ERROR", fact.Text);
        Assert.EndsWith("VolumeApiServiceImpl.java:77)", fact.Text);
    }

    [Fact]
    public void Pattern_counts_are_kept_per_pattern()
    {
        using var bundle = new TestBundle();
        var folder = bundle.Folder("b", new Dictionary<string, string> { ["var/log/messages"] = Syslog + Syslog });
        using var opened = Bundle.Open(folder);

        var stream = opened.Scan(Plan("CrashLoopBackOff", "x509: certificate has expired"));
        _ = stream.ToList();

        Assert.Equal(2, stream.Summary.PatternCounts["CrashLoopBackOff"]);
        Assert.Equal(0, stream.Summary.PatternCounts["x509: certificate has expired"]);
    }

    [Fact]
    public void Regex_is_confirmed_after_its_extracted_literal_matches()
    {
        var plan = ScanPlan.CreateBuilder().AddRegex("restart", @"Back-off restarting failed (container|pod)").Build();

        var fact = Assert.Single(LogReading.Read(Syslog, plan));

        Assert.Equal(3, fact.LineNumber);
        Assert.Equal(["Back-off restarting failed container", "Back-off restarting failed pod"], plan.Patterns[0].Prefilter);
    }

    [Fact]
    public void Regex_without_a_literal_is_tried_on_every_record()
    {
        var plan = ScanPlan.CreateBuilder().AddRegex("capitalised", @": [SB]\w+").Build();

        var facts = LogReading.Read(Syslog, plan);

        Assert.Empty(plan.Patterns[0].Prefilter);
        Assert.Equal([1, 3], facts.Select(f => f.LineNumber));
    }

    [Fact]
    public void Duplicate_pattern_ids_are_refused()
    {
        var builder = ScanPlan.CreateBuilder().AddLiteral("disk", "No space");

        var error = Assert.Throws<ArgumentException>(() => builder.AddLiteral("disk", "ENOSPC"));

        Assert.StartsWith("pattern id 'disk' is used twice; each pattern needs its own id.", error.Message);
    }

    [Fact]
    public void Plan_without_patterns_yields_no_log_records()
    {
        Assert.Empty(LogReading.Read(Syslog, ScanPlan.CreateBuilder().Build()));
    }

    [Fact]
    public void Line_numbers_stay_exact_across_chunk_boundaries()
    {
        var text = new StringBuilder();
        for (var i = 1; i <= 40_000; i++)
        {
            text.Append($"Mar  9 10:00:00 n1 app[1]: line {i} {(i % 9_999 == 0 ? "MARK" : "padding-padding-padding")}\n");
        }

        var facts = LogReading.Read(text.ToString(), Plan("MARK"));

        Assert.Equal([9_999, 19_998, 29_997, 39_996], facts.Select(f => f.LineNumber));
        Assert.All(facts, f => Assert.Contains($"line {f.LineNumber} MARK", f.Text));
    }

    [Fact]
    public void Multi_line_records_across_chunk_boundaries_stay_whole()
    {
        var text = new StringBuilder();
        var record = 0;
        while (text.Length < 3 * (1 << 20))
        {
            record++;
            text.Append($"2024-03-09 10:00:00,000 ERROR [c.c.Test] (t:1) (logid:{record}) failure {record}\n");
            for (var j = 0; j < 5; j++)
            {
                text.Append($"\tat com.cloud.Frame{j}.call(Frame.java:{j})\n");
            }
        }

        var facts = LogReading.Read(text.ToString());

        Assert.Equal(record, facts.Count);
        Assert.All(facts, f => Assert.Equal(6, f.Text.Split('\n').Length));
        Assert.Equal(1 + 6 * (record - 1), facts[^1].LineNumber);
    }

    [Fact]
    public void Ten_megabyte_single_line_is_cut_with_a_warning()
    {
        var bytes = Encoding.UTF8.GetBytes(new string('a', 10 << 20) + "\nnext line\n");

        var facts = LogReading.Read(bytes, null, null, null, out var warnings);

        Assert.Equal(["test.log:1: a line longer than 1 MiB; only its first 1 MiB was read"], warnings);
        Assert.Equal(1 << 20, facts[0].Text.Length);
        Assert.Equal(("next line", 2), (facts[1].Text, facts[1].LineNumber));
    }
}
