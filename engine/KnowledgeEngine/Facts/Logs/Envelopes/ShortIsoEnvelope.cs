namespace KnowledgeEngine.Facts.Logs.Envelopes;

/// <summary>journalctl -o short-iso[-precise]: "2024-01-01T12:00:00+0000 host tag[pid]: message".</summary>
internal sealed class ShortIsoEnvelope : LogEnvelope
{
    public override string Name => "journal-short-iso";
    public override bool LinesAreEvents => true;

    public override bool TryPeel(ReadOnlySpan<char> line, RecordHeader? header, TimeContext time, out ReadOnlySpan<char> body)
    {
        body = default;
        var space = line.IndexOf(' ');
        if (space < 19 || line[10] != 'T')
        {
            return false;
        }

        if (!TimeParser.TryIso(line[..space], time, out var timestamp, out var used) || used != space)
        {
            return false;
        }

        if (!SyslogTag.TryParse(line[(space + 1)..], header, out body))
        {
            return false;
        }

        if (header is not null)
        {
            header.Timestamp = timestamp;
        }

        return true;
    }
}
