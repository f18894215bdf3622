using System.Globalization;

namespace KnowledgeEngine.Facts.Logs.Bodies;

/// <summary>
/// zap's console encoder (controller-runtime and other Go operators): tab-separated time, level, an optional
/// logger name, an optional caller, the message and a JSON object of fields:
/// "2024-03-09T10:00:00.000Z	error	controller/controller.go:120	node lost	{"node": "worker-3"}". The time is
/// ISO 8601 or epoch seconds ("1.7099784e+09"). Fields come out as from zap's JSON encoder.
/// </summary>
internal sealed class ZapConsoleBody : LogBody
{
    public override string Name => "zap-console";

    public override bool TryParse(ReadOnlySpan<char> body, RecordHeader? header, TimeContext time, out ReadOnlySpan<char> message)
    {
        message = default;
        var tab = body.IndexOf('\t');
        if (tab < 10)
        {
            return false;
        }

        var stamp = body[..tab];
        DateTimeOffset? timestamp;
        if (TimeParser.TryIso(stamp, time, out var iso, out var used) && used == stamp.Length)
        {
            timestamp = iso;
        }
        else if (double.TryParse(stamp, NumberStyles.Float, CultureInfo.InvariantCulture, out var epoch) && epoch > 1e8)
        {
            timestamp = TimeParser.FromEpoch(epoch);
        }
        else
        {
            return false;
        }

        var rest = body[(tab + 1)..];
        tab = rest.IndexOf('\t');
        if (tab <= 0 || LevelNames.Normalise(rest[..tab]) is not { } level)
        {
            return false;
        }

        rest = rest[(tab + 1)..];
        ReadOnlySpan<char> logger = default, caller = default;
        if (Column(rest, out var first, out var afterFirst) && !CutHeader.IsCaller(first)
            && Column(afterFirst, out var second, out var afterSecond) && CutHeader.IsCaller(second))
        {
            logger = first;
            caller = second;
            rest = afterSecond;
        }
        else if (Column(rest, out first, out afterFirst) && CutHeader.IsCaller(first))
        {
            caller = first;
            rest = afterFirst;
        }
        var bag = rest.LastIndexOf('\t');
        ReadOnlySpan<char> fields = default;
        if (bag >= 0 && rest[(bag + 1)..] is ['{', .., '}'] bagText)
        {
            fields = bagText;
            rest = rest[..bag];
        }
        message = rest;
        if (header is not null)
        {
            header.Timestamp = timestamp;
            header.Level = level;
            header.Component = !logger.IsEmpty ? logger.ToString() : caller.IsEmpty ? null : caller.ToString();
            if (!fields.IsEmpty)
            {
                JsonBody.CopyFields(fields, header);
            }
        }
        return true;
    }

    /// <summary>The text up to the next tab, and what follows it; false when no tab follows.</summary>
    private static bool Column(ReadOnlySpan<char> s, out ReadOnlySpan<char> column, out ReadOnlySpan<char> after)
    {
        var tab = s.IndexOf('\t');
        column = tab < 0 ? default : s[..tab];
        after = tab < 0 ? default : s[(tab + 1)..];
        return tab > 0;
    }
}
