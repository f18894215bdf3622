namespace KnowledgeEngine.Facts.Logs;

/// <summary>
/// Span parsers for the timestamp shapes logs use. Hand-written because RFC3339Nano carries nine fractional
/// digits, which the framework's exact parsing refuses, and because this runs on every emitted record.
/// </summary>
internal static class TimeParser
{
    private static readonly string[] Months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

    /// <summary>YYYY-MM-DD or YYYY/MM/DD, then 'T' or ' ', then a clock, then an optional zone (Z, ±HH:MM, ±HHMM, ±HH).</summary>
    public static bool TryIso(ReadOnlySpan<char> s, TimeContext time, out DateTimeOffset value, out int consumed)
    {
        value = default;
        consumed = 0;
        if (s.Length < 19 || !Digits(s, 0, 4, out var year) || (s[4] != '-' && s[4] != '/') || s[7] != s[4]
            || !Digits(s, 5, 2, out var month) || !Digits(s, 8, 2, out var day) || (s[10] != 'T' && s[10] != ' '))
        {
            return false;
        }

        if (!TryClock(s[11..], out var hour, out var minute, out var second, out var ticks, out var clockLength))
        {
            return false;
        }

        var i = 11 + clockLength;
        TimeSpan? zone = null;
        if (i < s.Length && (s[i] == 'Z' || s[i] == 'z'))
        {
            zone = TimeSpan.Zero;
            i++;
        }
        else if (i < s.Length && (s[i] == '+' || s[i] == '-') && Digits(s, i + 1, 2, out var zh))
        {
            var sign = s[i] == '-' ? -1 : 1;
            var zm = 0;
            var j = i + 3;
            if (j < s.Length && s[j] == ':' && Digits(s, j + 1, 2, out zm))
            {
                j += 3;
            }
            else if (Digits(s, j, 2, out zm))
            {
                j += 2;
            }

            zone = TimeSpan.FromMinutes(sign * (zh * 60 + zm));
            i = j;
        }
        var built = time.Build(year, month, day, hour, minute, second, ticks, zone);
        if (built is null)
        {
            return false;
        }

        value = built.Value;
        consumed = i;
        return true;
    }

    /// <summary>HH:MM:SS with an optional fraction after '.' or ','; fractions beyond 100 ns are dropped.</summary>
    public static bool TryClock(ReadOnlySpan<char> s, out int hour, out int minute, out int second, out long ticks, out int consumed)
    {
        ticks = 0;
        consumed = 0;
        minute = second = 0;
        if (s.Length < 8 || !Digits(s, 0, 2, out hour) || s[2] != ':' || !Digits(s, 3, 2, out minute) || s[5] != ':'
            || !Digits(s, 6, 2, out second))
        {
            hour = 0;
            return false;
        }
        var i = 8;
        if (i < s.Length && (s[i] == '.' || s[i] == ',') && i + 1 < s.Length && char.IsAsciiDigit(s[i + 1]))
        {
            i++;
            long scale = TimeSpan.TicksPerSecond;
            while (i < s.Length && char.IsAsciiDigit(s[i]))
            {
                scale /= 10;
                ticks += (s[i] - '0') * scale;
                i++;
            }
        }
        consumed = i;
        return true;
    }

    /// <summary>1..12 for "Jan".."Dec", 0 otherwise.</summary>
    public static int Month(ReadOnlySpan<char> abbreviation)
    {
        if (abbreviation.Length < 3)
        {
            return 0;
        }

        for (var m = 0; m < Months.Length; m++)
        {
            if (abbreviation[..3].Equals(Months[m], StringComparison.OrdinalIgnoreCase))
            {
                return m + 1;
            }
        }
        return 0;
    }

    public static bool Digits(ReadOnlySpan<char> s, int start, int count, out int value)
    {
        value = 0;
        if (start < 0 || start + count > s.Length)
        {
            return false;
        }

        for (var i = start; i < start + count; i++)
        {
            var c = s[i];
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }

            value = value * 10 + (c - '0');
        }
        return true;
    }

    /// <summary>Epoch seconds, milliseconds or microseconds, told apart by magnitude (zap and journald both occur).</summary>
    public static DateTimeOffset? FromEpoch(double number)
    {
        try
        {
            return number switch
            {
                > 1e17 => DateTimeOffset.UnixEpoch.AddTicks((long)(number / 100)),
                > 1e14 => DateTimeOffset.UnixEpoch.AddTicks((long)(number * 10)),
                > 1e11 => DateTimeOffset.UnixEpoch.AddTicks((long)(number * TimeSpan.TicksPerMillisecond)),
                > 0 => DateTimeOffset.UnixEpoch.AddTicks((long)(number * TimeSpan.TicksPerSecond)),
                _ => null,
            };
        }
        catch (ArgumentOutOfRangeException)
        {
            return null;
        }
    }
}
