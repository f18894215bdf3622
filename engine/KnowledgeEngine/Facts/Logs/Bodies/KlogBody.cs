namespace KnowledgeEngine.Facts.Logs.Bodies;

/// <summary>klog/glog: "Lmmdd hh:mm:ss.uuuuuu threadid file:line] msg"; no year.</summary>
internal sealed class KlogBody : LogBody
{
    public override string Name => "klog";

    public override bool TryParse(ReadOnlySpan<char> body, RecordHeader? header, TimeContext time, out ReadOnlySpan<char> message)
    {
        message = default;
        if (body.Length < 22 || body[0] is not ('I' or 'W' or 'E' or 'F' or 'D')
            || !TimeParser.Digits(body, 1, 2, out var month) || !TimeParser.Digits(body, 3, 2, out var day) || body[5] != ' ')
            return false;
        if (!TimeParser.TryClock(body[6..], out var hour, out var minute, out var second, out var ticks, out var used))
            return false;
        var rest = body[(6 + used)..].TrimStart(' ');
        var space = rest.IndexOf(' ');
        if (space <= 0 || !TimeParser.Digits(rest, 0, space, out _))
            return false;
        var caller = rest[(space + 1)..];
        var close = caller.IndexOf("] ");
        if (close < 0 && caller.EndsWith("]"))
            close = caller.Length - 1;
        if (close <= 0 || caller[..close].Contains(' '))
            return false;
        message = close + 2 <= caller.Length ? caller[(close + 2)..] : default;
        if (header is not null)
        {
            header.SetLevel(body[..1].ToString());
            header.Timestamp ??= time.WithoutYear(month, day, hour, minute, second, ticks);
            var source = caller[..close];
            header.Component = source.ToString();
            header.SetField("thread", rest[..space].ToString());
        }
        return true;
    }
}
