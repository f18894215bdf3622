namespace KnowledgeEngine.Facts.Logs;

/// <summary>
/// Supplies what a timestamp leaves out: the year (RFC 3164, klog, short-precise have none) comes from the
/// collection time, the zone from the bundle's time zone.
/// </summary>
internal sealed class TimeContext(DateTimeOffset? collectedAt, TimeSpan offset)
{
    public static TimeContext Utc { get; } = new(null, TimeSpan.Zero);

    private static readonly TimeSpan MaxZone = TimeSpan.FromHours(14);

    public TimeSpan Offset => offset;

    /// <summary>The latest year that does not put the date after the collection (a bundle cannot log its future).</summary>
    public DateTimeOffset? WithoutYear(int month, int day, int hour, int minute, int second, long ticks)
    {
        var reference = collectedAt ?? DateTimeOffset.UtcNow;
        var year = reference.Year;
        var candidate = Build(year, month, day, hour, minute, second, ticks);
        if (candidate is { } c && c > reference.AddDays(2))
        {
            candidate = Build(year - 1, month, day, hour, minute, second, ticks);
        }

        return candidate;
    }

    public DateTimeOffset? Build(int year, int month, int day, int hour, int minute, int second, long ticks, TimeSpan? zone = null)
    {
        // Years 1 and 9999 are refused too: a zone or the added ticks could move them outside what
        // DateTimeOffset holds, and no log line is really from then. Zones beyond ±14 h do not exist
        // (a fuzzed "+9999" reached the constructor and threw).
        var effectiveZone = zone ?? offset;
        if (year is < 2 or > 9998 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)
            || hour is < 0 or > 23 || minute is < 0 or > 59 || second is < 0 or > 60
            || effectiveZone.Duration() > MaxZone || ticks is < 0 or >= TimeSpan.TicksPerSecond)
        {
            return null;
        }

        var value = new DateTimeOffset(year, month, day, hour, minute, Math.Min(second, 59), effectiveZone);
        return value.AddTicks(ticks);
    }
}
