using System.Text;
using KnowledgeEngine.Facts;
using KnowledgeEngine.Facts.Logs;
using KnowledgeEngine.Facts.Scanning;

namespace KnowledgeEngine.Tests.Facts;

/// <summary>Runs log text through format detection and the streaming scanner, as a bundle scan would.</summary>
internal static class LogReading
{
    public static readonly DateTimeOffset CollectedAt = new(2024, 3, 10, 12, 0, 0, TimeSpan.Zero);

    public static List<LogFact> Read(string text, ScanPlan? plan = null, DateTimeOffset? collectedAt = null, BundleLimits? limits = null) =>
        Read(Encoding.UTF8.GetBytes(text), plan, collectedAt, limits, out _);

    public static List<LogFact> Read(byte[] bytes, ScanPlan? plan, DateTimeOffset? collectedAt, BundleLimits? limits, out List<string> warnings) =>
        Read(bytes, plan, collectedAt, limits, IdleWorkers.None, out warnings);

    /// <summary>As a scan whose other workers are <paramref name="idle"/>: a big region's literal search is then split over two cores.</summary>
    public static List<LogFact> Read(byte[] bytes, ScanPlan? plan, DateTimeOffset? collectedAt, BundleLimits? limits, IdleWorkers idle, out List<string> warnings)
    {
        plan ??= ScanPlan.KeepAll;
        var time = new TimeContext(collectedAt ?? CollectedAt, TimeSpan.Zero);
        var sample = Encoding.UTF8.GetString(bytes, 0, Math.Min(bytes.Length, 64 * 1024)).Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        var format = FormatDetector.Detect(sample, time);
        var facts = new List<LogFact>();
        var found = new List<string>();
        new LogFileScanner(plan.For("test.log"), limits ?? BundleLimits.Default, idle).Scan(new MemoryStream(bytes), format, time, "test.log", null, null,
            facts.Add, new LogScanStats(plan.Patterns.Count), (line, text) => found.Add($"test.log:{line}: {text}"));
        warnings = found;
        return facts;
    }

    public static LogFact Single(string text, DateTimeOffset? collectedAt = null) => Assert.Single(Read(text, collectedAt: collectedAt));
}
