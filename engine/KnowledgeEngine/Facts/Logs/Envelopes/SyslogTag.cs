namespace KnowledgeEngine.Facts.Logs.Envelopes;

/// <summary>The "host tag[pid]: message" tail shared by RFC 3164 and journalctl's short formats.</summary>
internal static class SyslogTag
{
    public static bool TryParse(ReadOnlySpan<char> rest, RecordHeader? header, out ReadOnlySpan<char> body)
    {
        body = default;
        var space = rest.IndexOf(' ');
        if (space <= 0)
        {
            return false;
        }

        var host = rest[..space];
        var tail = rest[(space + 1)..];
        var colon = tail.IndexOf(": ");
        var end = colon < 0 && tail.EndsWith(":") ? tail.Length - 1 : colon;
        if (end <= 0)
        {
            return false;
        }

        var tag = tail[..end];
        if (tag.Contains(' ') && !tag.EndsWith("]"))
        {
            return false;
        }

        string? pid = null;
        var bracket = tag.IndexOf('[');
        if (bracket > 0 && tag.EndsWith("]"))
        {
            pid = tag[(bracket + 1)..^1].ToString();
            tag = tag[..bracket];
        }
        if (tag.Contains(' '))
        {
            return false;
        }

        body = end + 2 <= tail.Length ? tail[(end + 2)..] : default;
        if (header is not null)
        {
            header.Host = host.ToString();
            header.Component = tag.ToString();
            if (pid is not null)
            {
                header.SetField("pid", pid);
            }
        }
        return true;
    }

    /// <summary>"&lt;PRI&gt;" prefix: facility*8+severity; returns the characters used.</summary>
    public static int TryPriority(ReadOnlySpan<char> line, RecordHeader? header)
    {
        if (line.Length < 3 || line[0] != '<')
        {
            return 0;
        }

        var close = line.IndexOf('>');
        if (close < 2 || close > 4 || !TimeParser.Digits(line, 1, close - 1, out var pri))
        {
            return 0;
        }

        header?.SetLevel(LevelNames.FromSyslogSeverity(pri % 8));
        return close + 1;
    }
}
