namespace KnowledgeEngine.Facts.Logs.Envelopes;

/// <summary>Talos dmesg.log: "facility: priority: [RFC3339Nano]: message", dictionary lines after it start with a space.</summary>
internal sealed class TalosDmesgEnvelope : LogEnvelope
{
    public override string Name => "talos-dmesg";
    public override bool LinesAreEvents => true;

    public override bool TryPeel(ReadOnlySpan<char> line, RecordHeader? header, TimeContext time, out ReadOnlySpan<char> body)
    {
        body = default;
        var open = line.IndexOf(": [");
        if (open < 0 || open > 24)
        {
            return false;
        }

        var close = line[(open + 3)..].IndexOf("]: ");
        if (close < 0)
        {
            return false;
        }

        var stamp = line.Slice(open + 3, close);
        if (!TimeParser.TryIso(stamp, time, out var timestamp, out _))
        {
            return false;
        }

        var prefix = line[..open];
        var colon = prefix.IndexOf(':');
        if (colon < 0)
        {
            return false;
        }

        if (header is not null)
        {
            header.Timestamp = timestamp;
            header.Component = prefix[..colon].Trim().ToString();
            header.SetLevel(prefix[(colon + 1)..].Trim().ToString());
        }
        body = line[(open + 3 + close + 3)..];
        return true;
    }

    public override bool Continues(ReadOnlySpan<char> line, ReadOnlySpan<char> previous) => line.Length > 0 && line[0] == ' ';
}
