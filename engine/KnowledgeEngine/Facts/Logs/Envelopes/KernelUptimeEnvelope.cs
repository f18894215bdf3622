namespace KnowledgeEngine.Facts.Logs.Envelopes;

/// <summary>
/// A kernel console or `dmesg` paste: "[    3.539000] e1000e 0000:00:1f.6 eth0: NIC Link is Down". The
/// bracket holds seconds since boot, not a time of day, so it sets no timestamp; it is peeled off so the
/// message is the kernel's own text (repeats of one line agree on it) and the record is the kernel's.
/// </summary>
internal sealed class KernelUptimeEnvelope : LogEnvelope
{
    public override string Name => "kernel-uptime";
    public override bool LinesAreEvents => true;

    public override bool TryPeel(ReadOnlySpan<char> line, RecordHeader? header, TimeContext time, out ReadOnlySpan<char> body)
    {
        body = default;
        if (line.Length < 4 || line[0] != '[')
        {
            return false;
        }

        var close = line.IndexOf(']');
        if (close < 3 || close > 20)
        {
            return false;
        }

        var seconds = line[1..close].TrimStart(' ');
        var dot = seconds.IndexOf('.');
        if (dot <= 0 || dot == seconds.Length - 1)
        {
            return false;
        }

        foreach (var c in seconds)
        {
            if (c != '.' && !char.IsAsciiDigit(c))
            {
                return false;
            }
        }
        if (header is not null)
        {
            header.Component ??= "kernel";
        }

        body = line[(close + 1)..].TrimStart(' ');
        return true;
    }
}
