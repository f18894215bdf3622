using System.Text;

namespace KnowledgeEngine.Facts.Logs.Bodies;

/// <summary>logfmt and logrus text: key=value pairs, values optionally quoted with \" escapes.</summary>
internal sealed class LogfmtBody : LogBody
{
    public override string Name => "logfmt";

    public override bool TryParse(ReadOnlySpan<char> body, RecordHeader? header, TimeContext time, out ReadOnlySpan<char> message)
    {
        message = body;
        var pairs = new List<KeyValuePair<string, string>>();
        if (!TryPairs(body, header is null ? null : pairs, out var count, out var hasKnownKey) || count < 2 || !hasKnownKey)
        {
            return false;
        }

        if (header is null)
        {
            return true;
        }

        string? text = null;
        foreach (var (key, value) in pairs)
        {
            switch (key)
            {
                case "msg" or "message":
                    text = value;
                    break;
                case "level" or "lvl" or "severity":
                    header.SetLevel(value);
                    break;
                case "time" or "ts" or "timestamp" when TimeParser.TryIso(value, time, out var timestamp, out _):
                    header.Timestamp = timestamp;
                    break;
                case "component" or "logger" or "module":
                    header.Component = value;
                    break;
            }
            header.SetField(key, value);
        }
        if (text is not null)
        {
            message = text.AsSpan();
        }

        return true;
    }

    /// <summary>
    /// A line cut inside its first value, as journalctl output pasted from the middle of the time
    /// (<c>:21Z" level=info msg="..."</c>, harvester/harvester#6211): the first word is the tail of a quoted
    /// value or of a time, and the pairs after it read as logfmt.
    /// </summary>
    public override bool TryParseCut(ReadOnlySpan<char> body, RecordHeader? header, TimeContext time, out ReadOnlySpan<char> message)
    {
        message = body;
        var space = body.IndexOf(' ');
        if (space <= 0 || body[..space].Contains('='))
        {
            return false;
        }

        if (body[space - 1] != '"' && CutHeader.TimeFragment(body) != space + 1)
        {
            return false;
        }

        return TryParse(body[(space + 1)..], header, time, out message);
    }

    private static bool TryPairs(ReadOnlySpan<char> s, List<KeyValuePair<string, string>>? pairs, out int count, out bool hasKnownKey)
    {
        count = 0;
        hasKnownKey = false;
        var i = 0;
        while (i < s.Length)
        {
            while (i < s.Length && s[i] == ' ')
            {
                i++;
            }

            if (i >= s.Length)
            {
                break;
            }

            var keyStart = i;
            while (i < s.Length && s[i] != '=' && s[i] != ' ' && s[i] != '"')
            {
                i++;
            }

            if (i >= s.Length || s[i] != '=' || i == keyStart)
            {
                return count >= 2 && i >= s.Length;
            }

            var key = s[keyStart..i];
            i++;
            string value;
            if (i < s.Length && s[i] == '"')
            {
                var builder = new StringBuilder();
                i++;
                while (i < s.Length && s[i] != '"')
                {
                    if (s[i] == '\\' && i + 1 < s.Length)
                    {
                        i++;
                    }

                    builder.Append(s[i]);
                    i++;
                }
                if (i >= s.Length)
                {
                    return false;
                }

                i++;
                value = builder.ToString();
            }
            else
            {
                var valueStart = i;
                while (i < s.Length && s[i] != ' ')
                {
                    i++;
                }

                value = s[valueStart..i].ToString();
            }
            count++;
            hasKnownKey |= key is "msg" or "message" or "level" or "lvl" or "time" or "ts";
            pairs?.Add(new(key.ToString(), value));
        }
        return true;
    }
}
