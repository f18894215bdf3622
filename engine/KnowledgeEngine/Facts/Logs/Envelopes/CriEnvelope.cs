namespace KnowledgeEngine.Facts.Logs.Envelopes;

/// <summary>containerd/CRI-O container log files: "RFC3339Nano stdout|stderr F|P message".</summary>
internal sealed class CriEnvelope : LogEnvelope
{
    public override string Name => "cri";
    public override bool LinesAreEvents => false;
    public override bool GluesPartials => true;

    public override bool TryPeel(ReadOnlySpan<char> line, RecordHeader? header, TimeContext time, out ReadOnlySpan<char> body)
    {
        body = default;
        if (!Split(line, out var stamp, out var stream, out var tag, out body))
        {
            return false;
        }

        if (!TimeParser.TryIso(stamp, time, out var timestamp, out var used) || used != stamp.Length)
        {
            return false;
        }

        if (header is not null)
        {
            header.Timestamp = timestamp;
            header.SetField("stream", stream.ToString());
        }
        return true;
    }

    /// <summary>A line after a "P" (partial) line is the rest of the same message.</summary>
    public override bool Continues(ReadOnlySpan<char> line, ReadOnlySpan<char> previous) =>
        Split(previous, out _, out _, out var tag, out _) && tag is "P";

    private static bool Split(ReadOnlySpan<char> line, out ReadOnlySpan<char> stamp, out ReadOnlySpan<char> stream,
        out ReadOnlySpan<char> tag, out ReadOnlySpan<char> body)
    {
        stamp = stream = tag = body = default;
        var first = line.IndexOf(' ');
        if (first < 20)
        {
            return false;
        }

        stamp = line[..first];
        var rest = line[(first + 1)..];
        if (rest.StartsWith("stdout ") || rest.StartsWith("stderr "))
        {
            stream = rest[..6];
            rest = rest[7..];
        }
        else
        {
            return false;
        }

        if (rest.Length < 1 || (rest[0] != 'F' && rest[0] != 'P') || (rest.Length > 1 && rest[1] != ' '))
        {
            return false;
        }

        tag = rest[..1];
        body = rest.Length > 2 ? rest[2..] : default;
        return true;
    }
}
