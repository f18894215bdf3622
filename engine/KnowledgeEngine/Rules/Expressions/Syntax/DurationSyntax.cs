using System.Globalization;
using System.Text;

namespace KnowledgeEngine.Rules.Expressions;

/// <summary>Reads and writes durations such as <c>90s</c>, <c>1h30m</c> and <c>500ms</c>.</summary>
internal static class DurationSyntax
{
    private static readonly (string Unit, TimeSpan Size)[] Units =
    [
        ("d", TimeSpan.FromDays(1)),
        ("h", TimeSpan.FromHours(1)),
        ("ms", TimeSpan.FromMilliseconds(1)),
        ("m", TimeSpan.FromMinutes(1)),
        ("s", TimeSpan.FromSeconds(1)),
    ];

    private static readonly string[] Order = ["d", "h", "m", "s", "ms"];

    public const string UnitFix = "use d, h, m, s or ms, e.g. 90s or 1h30m";

    /// <summary>Parses a whole duration; on failure says what is wrong and how to write it.</summary>
    public static bool TryParse(string text, out TimeSpan value, out string? error, out string? fix)
    {
        value = TimeSpan.Zero;
        (error, fix) = (null, null);
        var lastRank = -1;
        var i = 0;
        while (i < text.Length)
        {
            var digitsStart = i;
            while (i < text.Length && char.IsAsciiDigit(text[i]))
            {
                i++;
            }

            if (i == digitsStart || (i < text.Length && text[i] == '.'))
            {
                (error, fix) = i == digitsStart
                    ? ($"'{text}' is not a duration", UnitFix)
                    : ($"a duration takes whole numbers, found '{text}'", "write the fraction with a smaller unit, e.g. 1h30m instead of 1.5h");
                return false;
            }

            var unit = ReadUnit(text, i);
            if (unit is null)
            {
                var unitEnd = i;
                while (unitEnd < text.Length && char.IsAsciiLetter(text[unitEnd]))
                {
                    unitEnd++;
                }

                var found = unitEnd == i ? "no unit" : $"unknown unit '{text[i..unitEnd]}'";
                (error, fix) = ($"{found} in duration '{text}'", UnitFix);
                return false;
            }

            var rank = Array.IndexOf(Order, unit.Value.Unit);
            if (rank <= lastRank)
            {
                (error, fix) = ($"duration units must go from largest to smallest, once each, in '{text}'", "write it like 1h30m or 2m30s");
                return false;
            }

            if (!long.TryParse(text.AsSpan(digitsStart, i - digitsStart), NumberStyles.None, CultureInfo.InvariantCulture, out var count)
                || !TryAdd(value, count, unit.Value.Size, out value))
            {
                (error, fix) = ($"duration '{text}' is too large", "use a duration below 10000000d");
                return false;
            }

            lastRank = rank;
            i += unit.Value.Unit.Length;
        }

        if (lastRank < 0)
        {
            (error, fix) = ("empty duration", UnitFix);
            return false;
        }

        return true;
    }

    public static string Format(TimeSpan value)
    {
        if (value == TimeSpan.Zero)
        {
            return "0s";
        }

        if (value < TimeSpan.Zero)
        {
            return "-" + Format(value.Negate());
        }

        var text = new StringBuilder();
        Append(text, (long)Math.Floor(value.TotalDays), "d");
        Append(text, value.Hours, "h");
        Append(text, value.Minutes, "m");
        Append(text, value.Seconds, "s");
        Append(text, value.Milliseconds, "ms");
        return text.Length == 0 ? "0s" : text.ToString();
    }

    private static void Append(StringBuilder text, long count, string unit)
    {
        if (count != 0)
        {
            text.Append(count.ToString(CultureInfo.InvariantCulture)).Append(unit);
        }
    }

    private static (string Unit, TimeSpan Size)? ReadUnit(string text, int at)
    {
        foreach (var unit in Units)
        {
            if (string.CompareOrdinal(text, at, unit.Unit, 0, unit.Unit.Length) == 0)
            {
                var end = at + unit.Unit.Length;
                // "5mx" must not read as 5m followed by garbage.
                if (end == text.Length || !char.IsAsciiLetter(text[end]))
                {
                    return unit;
                }
            }
        }

        return null;
    }

    private static bool TryAdd(TimeSpan total, long count, TimeSpan size, out TimeSpan result)
    {
        try
        {
            result = checked(total + TimeSpan.FromTicks(checked(count * size.Ticks)));
            return true;
        }
        catch (OverflowException)
        {
            result = total;
            return false;
        }
    }
}
