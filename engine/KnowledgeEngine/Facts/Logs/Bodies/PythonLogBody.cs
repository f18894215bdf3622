namespace KnowledgeEngine.Facts.Logs.Bodies;

/// <summary>
/// CloudStack virtual-router /var/log/cloud.log, written by Python logging:
/// "%(asctime)s  %(filename)s %(funcName)s:%(lineno)d %(message)s" (two spaces), or "%(asctime)s %(message)s" in older scripts.
/// </summary>
internal sealed class PythonLogBody : LogBody
{
    public override string Name => "vr-cloud";

    public override bool TryParse(ReadOnlySpan<char> body, RecordHeader? header, TimeContext time, out ReadOnlySpan<char> message)
    {
        message = default;
        if (body.Length < 20 || body[10] != ' ' || !TimeParser.TryIso(body, time, out var timestamp, out var used)
            || used >= body.Length || body[used] != ' ')
        {
            return false;
        }

        var rest = body[(used + 1)..];
        string? file = null, function = null;
        if (rest.StartsWith(" "))
        {
            rest = rest[1..];
            var space = rest.IndexOf(' ');
            if (space > 3 && rest[..space].EndsWith(".py"))
            {
                file = rest[..space].ToString();
                var after = rest[(space + 1)..];
                var next = after.IndexOf(' ');
                var where = next < 0 ? after : after[..next];
                if (where.IndexOf(':') is var colon and > 0)
                {
                    function = where.ToString();
                    rest = next < 0 ? default : after[(next + 1)..];
                }
                else
                {
                    rest = after;
                }
            }
        }
        message = rest;
        if (header is not null)
        {
            header.Timestamp = timestamp;
            header.Component = file;
            header.SetLevel(FirstWordLevel(rest));
            if (function is not null)
            {
                header.SetField("function", function);
            }
        }
        return true;
    }

    /// <summary>The VR scripts often start the message with the level ("ERROR: ..."), the only level they write.</summary>
    private static string? FirstWordLevel(ReadOnlySpan<char> message)
    {
        var end = message.IndexOfAny(':', ' ');
        return end is > 2 and < 9 && message[..end].ToString() is var word && word == word.ToUpperInvariant() ? word : null;
    }
}
