namespace KnowledgeEngine.Facts.Logs.Envelopes;

/// <summary>
/// BSD syslog and journalctl -o short/short-precise: "[&lt;PRI&gt;]Mmm _d hh:mm:ss[.ffffff] host tag[pid]: message".
/// No year: it comes from the collection time.
/// </summary>
internal sealed class Syslog3164Envelope : LogEnvelope
{
    public override string Name => "syslog3164";
    public override bool LinesAreEvents => true;

    public override bool TryPeel(ReadOnlySpan<char> line, RecordHeader? header, TimeContext time, out ReadOnlySpan<char> body)
    {
        body = default;
        var s = line[SyslogTag.TryPriority(line, header)..];
        if (s.Length < 16 || s[3] != ' ')
        {
            return false;
        }

        var month = TimeParser.Month(s[..3]);
        if (month == 0)
        {
            return false;
        }

        var dayStart = s[4] == ' ' ? 5 : 4;
        var dayEnd = s[dayStart..].IndexOf(' ');
        if (dayEnd is < 1 or > 2 || !TimeParser.Digits(s, dayStart, dayEnd, out var day))
        {
            return false;
        }

        var clock = s[(dayStart + dayEnd + 1)..];
        if (!TimeParser.TryClock(clock, out var hour, out var minute, out var second, out var ticks, out var used)
            || used >= clock.Length || clock[used] != ' ')
        {
            return false;
        }

        if (!SyslogTag.TryParse(clock[(used + 1)..], header, out body))
        {
            return false;
        }

        if (header is not null)
        {
            header.Timestamp = time.WithoutYear(month, day, hour, minute, second, ticks);
        }

        return true;
    }
}
