using System.Text;
using KnowledgeEngine.Facts;

namespace KnowledgeEngine.Tests.Facts.Scanning;

/// <summary>A scan's reader is told, on its own thread, each time it must wait for the workers
/// (<see cref="FactStream.Waiting"/>): what lets a diagnosis compile rules while a big log is searched. Being told
/// changes nothing in what the scan yields.</summary>
public sealed class ScanWaitingTests
{
    [Fact]
    public void The_reader_is_told_on_its_own_thread_while_a_big_log_is_searched_and_gets_the_same_facts()
    {
        using var files = new TestBundle();
        var log = new StringBuilder();
        for (var line = 0; log.Length < 4_000_000; line++)
        {
            log.Append(line % 5000 == 0 ? $"[error 2026-03-14 10:00:00 host] register failed: {line}\n" : $"[info 2026-03-14 10:00:00 host] heartbeat {line} ok\n");
        }
        var folder = files.Folder("bundle", new Dictionary<string, string>
        {
            ["logs/a-host/host.log"] = log.ToString(),
            ["logs/b-host/host.log"] = "[error 2026-03-14 10:00:00 host] register failed: b\n",
        });
        var plan = ScanPlan.CreateBuilder().AddLiteral("failed", "register failed").Build();
        var reader = Environment.CurrentManagedThreadId;
        var threads = new List<int>();

        List<string> expected;
        using (var opened = Bundle.Open(folder))
        {
            expected = opened.Scan(plan).Select(Describe).ToList();
        }
        List<string> actual;
        using (var opened = Bundle.Open(folder))
        {
            var stream = opened.Scan(plan);
            stream.Waiting = () => threads.Add(Environment.CurrentManagedThreadId);
            actual = stream.Select(Describe).ToList();
        }

        Assert.NotEmpty(threads);
        Assert.All(threads, thread => Assert.Equal(reader, thread));
        Assert.Equal(expected, actual);
        var hits = log.ToString().Split('\n').Count(l => l.Contains("register failed", StringComparison.Ordinal)) + 1;
        Assert.Equal(hits, actual.Count(f => f.StartsWith("log", StringComparison.Ordinal)));
    }

    private static string Describe(Fact fact) => fact is LogFact log ? $"log {log.Source}:{log.LineNumber} {log.Text}" : $"{fact.Kind} {fact.Source}";
}
