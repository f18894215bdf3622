namespace KnowledgeEngine.Facts.Logs.Envelopes;

/// <summary>"kubectl logs --timestamps" (Harvester pod logs, must-gather): an RFC3339Nano time and a space before the raw line.</summary>
internal sealed class TimestampPrefixEnvelope : LogEnvelope
{
    public override string Name => "timestamped";
    public override bool LinesAreEvents => false;

    public override bool TryPeel(ReadOnlySpan<char> line, RecordHeader? header, TimeContext time, out ReadOnlySpan<char> body)
    {
        body = default;
        var space = line.IndexOf(' ');
        if (space < 20 || line[10] != 'T')
        {
            return false;
        }

        if (!TimeParser.TryIso(line[..space], time, out var timestamp, out var used) || used != space)
        {
            return false;
        }

        if (header is not null)
        {
            header.Timestamp = timestamp;
        }

        body = line[(space + 1)..];
        return true;
    }
}
