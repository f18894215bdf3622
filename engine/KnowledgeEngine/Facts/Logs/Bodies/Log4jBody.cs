namespace KnowledgeEngine.Facts.Logs.Bodies;

/// <summary>
/// CloudStack management-server.log (log4j2 "%d{ISO8601} %-5p [%c{1.}] (%t:%x) (logid:%X{logcontextid}) %m%ex"):
/// "2019-03-05 15:16:04,258 DEBUG [c.c.a.m.AgentManagerImpl] (AgentManager-Handler-8:null) (logid:) Ping from 5".
/// Lines without the leading date continue the record (stack traces, JSON dumps).
/// </summary>
internal sealed class Log4jBody : LogBody
{
    public override string Name => "log4j";

    public override bool TryParse(ReadOnlySpan<char> body, RecordHeader? header, TimeContext time, out ReadOnlySpan<char> message)
    {
        message = default;
        if (!TimeParser.TryIso(body, time, out var timestamp, out var used) || used >= body.Length || body[used] != ' ')
        {
            return false;
        }

        return TryAfterTime(body[(used + 1)..], header, timestamp, out message);
    }

    /// <summary>
    /// A line whose date was cut: "INFO  [c.c.a.ApiServer] (qtp-12:ctx-1) (logid:ab12) ..." or, cut mid-time,
    /// ",258 DEBUG [c.c.a.m.AgentManagerImpl] (...) ...". The level must be written as log4j writes it (upper
    /// case) and the thread must follow the category, so that ordinary text is not taken for a header.
    /// </summary>
    public override bool TryParseCut(ReadOnlySpan<char> body, RecordHeader? header, TimeContext time, out ReadOnlySpan<char> message)
    {
        message = default;
        var rest = body[CutHeader.TimeFragment(body)..];
        var space = rest.IndexOf(' ');
        if (space <= 0 || rest[..space].ContainsAnyInRange('a', 'z'))
        {
            return false;
        }

        var close = rest.IndexOf("] (");
        return close > 0 && TryAfterTime(rest, header, null, out message);
    }

    private static bool TryAfterTime(ReadOnlySpan<char> rest, RecordHeader? header, DateTimeOffset? timestamp, out ReadOnlySpan<char> message)
    {
        message = default;
        var space = rest.IndexOf(' ');
        if (space <= 0 || LevelNames.Normalise(rest[..space]) is not { } level)
        {
            return false;
        }

        rest = rest[space..].TrimStart(' ');
        if (rest.IsEmpty || rest[0] != '[')
        {
            return false;
        }

        var close = rest.IndexOf(']');
        if (close < 0)
        {
            return false;
        }

        var category = rest[1..close];
        rest = rest[(close + 1)..].TrimStart(' ');
        string? thread = null, logId = null;
        if (rest.StartsWith("(") && rest.IndexOf(") ") is var threadEnd and > 0)
        {
            thread = rest[1..threadEnd].ToString();
            rest = rest[(threadEnd + 2)..];
        }
        if (rest.StartsWith("(logid:") && rest.IndexOf(')') is var idEnd and > 0)
        {
            logId = rest[7..idEnd].ToString();
            rest = rest[(idEnd + 1)..].TrimStart(' ');
        }
        message = rest;
        if (header is not null)
        {
            if (timestamp is not null)
            {
                header.Timestamp = timestamp;
            }

            header.Level = level;
            header.Component = category.ToString();
            if (thread is not null)
            {
                header.SetField("thread", thread);
            }

            if (!string.IsNullOrEmpty(logId))
            {
                header.SetField("logid", logId);
            }
        }
        return true;
    }
}
