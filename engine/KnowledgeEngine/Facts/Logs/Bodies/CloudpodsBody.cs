namespace KnowledgeEngine.Facts.Logs.Bodies;

/// <summary>
/// Cloudpods (yunion.io/x/log): "[level yymmdd hh:mm:ss caller] msg", switching to "[level yyyy-mm-dd hh:mm:ss caller]"
/// once options load; the level is a word, or one letter when coloured for a TTY. Stray Go "log" lines
/// ("2006/01/02 15:04:05 msg") appear in the same files, and Talos's zap console ("[talos] 2006/01/02 ...") shares that shape.
/// </summary>
internal sealed class CloudpodsBody : LogBody
{
    public override string Name => "cloudpods";

    public override bool TryParse(ReadOnlySpan<char> body, RecordHeader? header, TimeContext time, out ReadOnlySpan<char> message)
    {
        message = default;
        if (body.Length > 0 && body[0] == '[' && TryBracketed(body, header, time, out message))
        {
            return true;
        }

        return GoLogBody.TryParse(body, header, time, out message);
    }

    /// <summary>
    /// A line copied without the start of its header: "04:01:17 hostinfo.go:1012] msg" (cut mid-timestamp),
    /// "[I hostinfo.go:1012] msg" or "[error options.parseOptions(options.go:336)] msg" (the date taken out),
    /// "hostinfo.go:1012] msg" (from the caller on). The caller must have Go's shape; a level is read when
    /// still there. Talos console lines without their date are read as by <see cref="GoLogBody.TryConsoleWithoutDate"/>.
    /// </summary>
    public override bool TryParseCut(ReadOnlySpan<char> body, RecordHeader? header, TimeContext time, out ReadOnlySpan<char> message)
    {
        message = default;
        var s = body;
        string? level = null;
        var space = s.IndexOf(' ');
        if (space is > 0 and <= 9 && LevelNames.Normalise(s[0] == '[' ? s[1..space] : s[..space]) is { } word && (s[0] == '[' || space > 1))
        {
            level = word;
            s = s[(space + 1)..];
        }
        else if (s.Length > 0 && s[0] == '[')
        {
            return GoLogBody.TryConsoleWithoutDate(body, header, out message);
        }
        else if (space is > 0 and <= 8 && s[..space].ContainsAnyExceptInRange('a', 'z') is false && space + 1 < s.Length && char.IsAsciiDigit(s[space + 1]))
        {
            s = s[(space + 1)..]; // the tail of a level word ("nfo 241029 ...")
        }

        s = s[CutHeader.TimeFragment(s)..];
        var close = s.IndexOf(']');
        if (close <= 0 || !CutHeader.IsCaller(s[..close]))
        {
            return GoLogBody.TryConsoleWithoutDate(body, header, out message);
        }

        message = s[(close + 1)..].TrimStart(' ');
        if (header is not null)
        {
            if (level is not null)
            {
                header.Level = level;
            }

            header.Component = s[..close].ToString();
        }
        return true;
    }

    private static bool TryBracketed(ReadOnlySpan<char> body, RecordHeader? header, TimeContext time, out ReadOnlySpan<char> message)
    {
        message = default;
        var space = body.IndexOf(' ');
        if (space < 2 || LevelNames.Normalise(body[1..space]) is not { } level)
        {
            return false;
        }

        var rest = body[(space + 1)..];
        DateTimeOffset? timestamp;
        int used;
        if (rest.Length > 15 && TimeParser.Digits(rest, 0, 6, out var yymmdd) && rest[6] == ' '
            && TimeParser.TryClock(rest[7..], out var h, out var m, out var s, out var ticks, out var clockUsed))
        {
            timestamp = time.Build(2000 + yymmdd / 10000, yymmdd / 100 % 100, yymmdd % 100, h, m, s, ticks);
            used = 7 + clockUsed;
        }
        else if (TimeParser.TryIso(rest, time, out var iso, out var isoUsed))
        {
            timestamp = iso;
            used = isoUsed;
        }
        else
        {
            return false;
        }

        if (timestamp is null || used >= rest.Length || rest[used] != ' ')
        {
            return false;
        }

        var callerAndMessage = rest[(used + 1)..];
        var close = callerAndMessage.IndexOf(']');
        if (close < 0)
        {
            return false;
        }

        message = callerAndMessage[(close + 1)..].TrimStart(' ');
        if (header is not null)
        {
            header.Level = level;
            header.Timestamp = timestamp;
            header.Component = callerAndMessage[..close].ToString();
        }
        return true;
    }
}
