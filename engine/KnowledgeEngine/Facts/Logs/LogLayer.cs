namespace KnowledgeEngine.Facts.Logs;

/// <summary>
/// An outer prefix that wraps another format: syslog, journal, CRI, a --timestamps prefix, Talos dmesg.
/// With a null header the call only answers "does this line have my shape?" — the fast path of the scanner.
/// </summary>
internal abstract class LogEnvelope
{
    public abstract string Name { get; }

    /// <summary>Syslog and journal lines are separate events whatever their body; CRI and prefixes carry raw stdout lines.</summary>
    public abstract bool LinesAreEvents { get; }

    public abstract bool TryPeel(ReadOnlySpan<char> line, RecordHeader? header, TimeContext time, out ReadOnlySpan<char> body);

    /// <summary>True when <paramref name="line"/> carries on the record of <paramref name="previous"/> regardless of its body.</summary>
    public virtual bool Continues(ReadOnlySpan<char> line, ReadOnlySpan<char> previous) => false;

    /// <summary>How a continuation line's body joins the message: CRI partials glue directly, others on a new line.</summary>
    public virtual bool GluesPartials => false;
}

/// <summary>The body's own format: klog, logfmt, JSON, log4j, Cloudpods, VR cloud.log, keepalived, plain.</summary>
internal abstract class LogBody
{
    public abstract string Name { get; }

    /// <summary>Formats with a header start a record only on lines that match it; other lines continue the record.</summary>
    public virtual bool HasHeader => true;

    public abstract bool TryParse(ReadOnlySpan<char> body, RecordHeader? header, TimeContext time, out ReadOnlySpan<char> message);

    /// <summary>
    /// A header the reporter cut at the start (see <see cref="CutHeader"/>): what the rest shows (level,
    /// caller, fields) is read, the timestamp is not. Tried only where <see cref="TryParse"/> failed; it
    /// must refuse stack frames and ordinary text, since it also decides where records start.
    /// </summary>
    public virtual bool TryParseCut(ReadOnlySpan<char> body, RecordHeader? header, TimeContext time, out ReadOnlySpan<char> message)
    {
        message = default;
        return false;
    }
}
