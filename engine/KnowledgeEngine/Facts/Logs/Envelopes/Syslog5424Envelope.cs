namespace KnowledgeEngine.Facts.Logs.Envelopes;

/// <summary>RFC 5424: "&lt;PRI&gt;1 TIMESTAMP HOST APP PROCID MSGID [SD...]|- MSG".</summary>
internal sealed class Syslog5424Envelope : LogEnvelope
{
    public override string Name => "syslog5424";
    public override bool LinesAreEvents => true;

    public override bool TryPeel(ReadOnlySpan<char> line, RecordHeader? header, TimeContext time, out ReadOnlySpan<char> body)
    {
        body = default;
        var priLength = SyslogTag.TryPriority(line, header);
        if (priLength == 0)
        {
            return false;
        }

        var s = line[priLength..];
        if (!s.StartsWith("1 "))
        {
            return false;
        }

        s = s[2..];
        if (!Next(ref s, out var stamp) || !Next(ref s, out var host) || !Next(ref s, out var app)
            || !Next(ref s, out var procId) || !Next(ref s, out var msgId))
        {
            return false;
        }

        DateTimeOffset? timestamp = null;
        if (stamp is not "-")
        {
            if (!TimeParser.TryIso(stamp, time, out var parsed, out _))
            {
                return false;
            }

            timestamp = parsed;
        }
        var structured = ReadOnlySpan<char>.Empty;
        if (s.StartsWith("-"))
        {
            s = s.Length > 1 ? s[2..] : default;
        }
        else if (s.StartsWith("["))
        {
            var end = StructuredDataEnd(s);
            if (end < 0)
            {
                return false;
            }

            structured = s[..end];
            s = end < s.Length ? s[end..].TrimStart(' ') : default;
        }
        else
        {
            return false;
        }

        if (s.StartsWith("\uFEFF"))
        {
            s = s[1..];
        }

        body = s;
        if (header is not null)
        {
            header.Timestamp = timestamp;
            header.Host = Nil(host);
            header.Component = Nil(app);
            if (Nil(procId) is { } pid)
            {
                header.SetField("pid", pid);
            }

            if (Nil(msgId) is { } id)
            {
                header.SetField("msgid", id);
            }

            if (!structured.IsEmpty)
            {
                header.SetField("structured_data", structured.ToString());
            }
        }
        return true;
    }

    private static bool Next(ref ReadOnlySpan<char> s, out ReadOnlySpan<char> field)
    {
        var space = s.IndexOf(' ');
        if (space <= 0)
        {
            field = default;
            return false;
        }
        field = s[..space];
        s = s[(space + 1)..];
        return true;
    }

    private static string? Nil(ReadOnlySpan<char> field) => field is "-" ? null : field.ToString();

    /// <summary>SD elements may hold ']' inside quoted, escaped values, so count brackets outside quotes.</summary>
    private static int StructuredDataEnd(ReadOnlySpan<char> s)
    {
        var inQuotes = false;
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            if (inQuotes)
            {
                if (c == '\\')
                {
                    i++;
                }
                else if (c == '"')
                {
                    inQuotes = false;
                }

                continue;
            }
            if (c == '"')
            {
                inQuotes = true;
            }
            else if (c == ']' && (i + 1 == s.Length || s[i + 1] != '['))
            {
                return i + 1;
            }
        }
        return -1;
    }
}
