namespace KnowledgeEngine.Facts.Logs.Bodies;

/// <summary>
/// klog/glog: "Lmmdd hh:mm:ss.uuuuuu threadid file:line] msg"; no year. Structured calls add key=value
/// pairs after a quoted message (see <see cref="KeyValueTail"/>).
/// </summary>
internal sealed class KlogBody : LogBody
{
    public override string Name => "klog";

    public override bool TryParse(ReadOnlySpan<char> body, RecordHeader? header, TimeContext time, out ReadOnlySpan<char> message)
    {
        message = default;
        if (body.Length < 22 || body[0] is not ('I' or 'W' or 'E' or 'F' or 'D')
            || !TimeParser.Digits(body, 1, 2, out var month) || !TimeParser.Digits(body, 3, 2, out var day) || body[5] != ' ')
        {
            return false;
        }

        if (!TimeParser.TryClock(body[6..], out var hour, out var minute, out var second, out var ticks, out var used))
        {
            return false;
        }

        var rest = body[(6 + used)..].TrimStart(' ');
        var space = rest.IndexOf(' ');
        if (space <= 0 || !TimeParser.Digits(rest, 0, space, out _))
        {
            return false;
        }

        if (!TryCaller(rest[(space + 1)..], header, out message, cut: false))
        {
            return false;
        }

        if (header is not null)
        {
            header.SetLevel(body[..1].ToString());
            header.Timestamp ??= time.WithoutYear(month, day, hour, minute, second, ticks);
            header.SetField("thread", rest[..space].ToString());
        }
        return true;
    }

    /// <summary>
    /// A line copied from after the level letter or from the caller on: "0421 11:25:42.462055  688330
    /// server.go:629] msg", "server.go:629] msg". A level letter still there right before the date is read.
    /// </summary>
    public override bool TryParseCut(ReadOnlySpan<char> body, RecordHeader? header, TimeContext time, out ReadOnlySpan<char> message)
    {
        message = default;
        var level = ReadOnlySpan<char>.Empty;
        if (body.Length > 2 && body[0] is 'I' or 'W' or 'E' or 'F' or 'D' && char.IsAsciiDigit(body[1]))
        {
            level = body[..1];
            body = body[1..];
        }
        var fragment = CutHeader.TimeFragment(body);
        if (!level.IsEmpty && fragment == 0)
        {
            return false;
        }

        if (!TryCaller(body[fragment..], header, out message, cut: true))
        {
            return false;
        }

        header?.SetLevel(LevelNames.Normalise(level));
        return true;
    }

    /// <summary>"file:line] msg": the caller is the component. Without the date before it, only a caller of
    /// Go's shape ("file.go:12") says this is klog.</summary>
    private static bool TryCaller(ReadOnlySpan<char> caller, RecordHeader? header, out ReadOnlySpan<char> message, bool cut)
    {
        message = default;
        var close = caller.IndexOf("] ");
        if (close < 0 && caller.EndsWith("]"))
        {
            close = caller.Length - 1;
        }

        if (close <= 0 || (cut ? !CutHeader.IsCaller(caller[..close]) : caller[..close].Contains(' ')))
        {
            return false;
        }

        message = close + 2 <= caller.Length ? caller[(close + 2)..] : default;
        if (header is not null)
        {
            header.Component = caller[..close].ToString();
            message = KeyValueTail.Apply(message, header);
        }
        return true;
    }
}
