namespace KnowledgeEngine.Facts.Logs;

/// <summary>
/// Supplies what a timestamp leaves out: the year (RFC 3164, klog, short-precise have none) comes from the
/// collection time, the zone from the bundle's time zone.
/// </summary>
internal sealed class TimeContext(DateTimeOffset? collectedAt, TimeSpan offset)
{
    public static TimeContext Utc { get; } = new(null, TimeSpan.Zero);

    public TimeSpan Offset => offset;

    /// <summary>The latest year that does not put the date after the collection (a bundle cannot log its future).</summary>
    public DateTimeOffset? WithoutYear(int month, int day, int hour, int minute, int second, long ticks)
    {
        var reference = collectedAt ?? DateTimeOffset.UtcNow;
        var year = reference.Year;
        var candidate = Build(year, month, day, hour, minute, second, ticks);
        if (candidate is { } c && c > reference.AddDays(2))
            candidate = Build(year - 1, month, day, hour, minute, second, ticks);
        return candidate;
    }

    public DateTimeOffset? Build(int year, int month, int day, int hour, int minute, int second, long ticks, TimeSpan? zone = null)
    {
        if (month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(Math.Clamp(year, 1, 9999), month)
            || hour > 23 || minute > 59 || second > 60)
            return null;
        var value = new DateTimeOffset(year, month, day, hour, minute, Math.Min(second, 59), zone ?? offset);
        return value.AddTicks(ticks);
    }
}
