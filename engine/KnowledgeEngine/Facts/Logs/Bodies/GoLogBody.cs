namespace KnowledgeEngine.Facts.Logs.Bodies;

/// <summary>
/// Go's standard "log" package ("2006/01/02 15:04:05 msg"), optionally after a "[prefix] " and followed by a
/// zap console field object, as Talos machined writes: "[talos] 2024/02/06 17:46:18 msg {"component": ...}".
/// </summary>
internal sealed class GoLogBody : LogBody
{
    public override string Name => "golog";

    public override bool TryParse(ReadOnlySpan<char> body, RecordHeader? header, TimeContext time, out ReadOnlySpan<char> message) =>
        TryParse(body, header, time, out message, requireSlashes: true);

    public static bool TryParse(ReadOnlySpan<char> body, RecordHeader? header, TimeContext time, out ReadOnlySpan<char> message, bool requireSlashes = true)
    {
        message = default;
        string? prefix = null;
        if (body.Length > 0 && body[0] == '[')
        {
            var close = body.IndexOf("] ");
            if (close < 2 || close > 32)
            {
                return false;
            }

            prefix = body[1..close].ToString();
            body = body[(close + 2)..];
        }
        if (body.Length < 19 || (requireSlashes && body[4] != '/'))
        {
            return false;
        }

        if (!TimeParser.TryIso(body, time, out var timestamp, out var used) || (used < body.Length && body[used] != ' '))
        {
            return false;
        }

        message = used < body.Length ? body[(used + 1)..] : default;
        var fieldsStart = FieldsObjectStart(message);
        if (header is not null)
        {
            header.Timestamp = timestamp;
            if (prefix is not null)
            {
                header.Component ??= prefix;
            }

            if (fieldsStart >= 0)
            {
                JsonBody.CopyFields(message[fieldsStart..], header);
                if (header.Fields?.GetValueOrDefault("component") is { } component)
                {
                    header.Component = component;
                }
            }
        }
        if (fieldsStart >= 0)
        {
            message = message[..fieldsStart].TrimEnd(' ');
        }

        return true;
    }

    public override bool TryParseCut(ReadOnlySpan<char> body, RecordHeader? header, TimeContext time, out ReadOnlySpan<char> message) =>
        TryConsoleWithoutDate(body, header, out message);

    /// <summary>
    /// A Talos console line whose date was not copied: " [talos] controller failed {"component": ...}", or
    /// one cut mid-date ("17:46:18 setting resolvers {...}"). The field bag must be there: without the date
    /// it is what says the line is zap's.
    /// </summary>
    public static bool TryConsoleWithoutDate(ReadOnlySpan<char> body, RecordHeader? header, out ReadOnlySpan<char> message)
    {
        message = default;
        var s = body.TrimStart(' ');
        string? prefix = null;
        if (s.Length > 0 && s[0] == '[')
        {
            var close = s.IndexOf("] ");
            if (close < 2 || close > 32)
            {
                return false;
            }

            prefix = s[1..close].ToString();
            s = s[(close + 2)..];
        }
        var fragment = CutHeader.TimeFragment(s);
        if (prefix is null && fragment == 0)
        {
            return false;
        }

        s = s[fragment..];
        var fieldsStart = FieldsObjectStart(s);
        if (fieldsStart < 0)
        {
            return false;
        }

        message = s[..fieldsStart].TrimEnd(' ');
        if (header is not null)
        {
            if (prefix is not null)
            {
                header.Component ??= prefix;
            }

            JsonBody.CopyFields(s[fieldsStart..], header);
            if (header.Fields?.GetValueOrDefault("component") is { } component)
            {
                header.Component = component;
            }
        }
        return true;
    }

    /// <summary>A trailing " {...}" object is zap's field bag.</summary>
    private static int FieldsObjectStart(ReadOnlySpan<char> message)
    {
        if (message.IsEmpty || message[^1] != '}')
        {
            return -1;
        }

        var open = message.IndexOf(" {\"");
        return open < 0 ? -1 : open + 1;
    }
}
