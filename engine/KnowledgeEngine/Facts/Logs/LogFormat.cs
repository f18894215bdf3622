using System.Text;
using KnowledgeEngine.Facts.Logs.Bodies;

namespace KnowledgeEngine.Facts.Logs;

/// <summary>
/// The format of one file: an optional envelope and a body. A null body under an event envelope
/// (syslog, journal) means "decide per record", since one syslog file mixes programs writing different bodies.
/// </summary>
internal sealed class LogFormat(LogEnvelope? envelope, LogBody? body)
{
    private static readonly LogBody[] PerRecordBodies =
        [new JsonBody(), new LogfmtBody(), new KlogBody(), new KeepalivedBody(), new CloudpodsBody(), new Log4jBody(), new ZapConsoleBody()];

    public static LogFormat Plain { get; } = new(null, PlainBody.Instance);

    public LogEnvelope? Envelope => envelope;
    public LogBody? Body => body;

    public string Name => (envelope, body) switch
    {
        (null, { } b) => b.Name,
        ({ } e, null) => e.Name,
        ({ } e, PlainBody) => e.Name,
        ({ } e, { } b) => $"{e.Name}+{b.Name}",
        _ => "plain",
    };

    /// <summary>Does <paramref name="line"/> begin a new record, given the line before it?</summary>
    public bool IsRecordStart(ReadOnlySpan<char> line, ReadOnlySpan<char> previous, TimeContext time)
    {
        if (line.Contains('\x1b'))
        {
            line = Ansi.Strip(line);
        }

        if (envelope is not null)
        {
            if (!previous.IsEmpty && envelope.Continues(line, previous))
            {
                return false;
            }

            if (!envelope.TryPeel(line, null, time, out var inner))
            {
                return false;
            }

            if (envelope.LinesAreEvents || body is null)
            {
                return true;
            }

            return BodyStarts(body, inner, time);
        }
        return BodyStarts(body ?? PlainBody.Instance, line, time);
    }

    private static bool BodyStarts(LogBody body, ReadOnlySpan<char> text, TimeContext time) =>
        body.HasHeader
            ? body.TryParse(text, null, time, out _) || body.TryParseCut(text, null, time, out _)
            : !PlainBody.IsContinuation(text);

    /// <summary>Parses a whole record (its lines joined by '\n') into a fact.</summary>
    public LogFact Build(string text, string source, int line, string? host, TimeContext time, IReadOnlyList<string> matched, string? platform = null)
    {
        if (text.Contains('\x1b'))
        {
            text = Ansi.Strip(text);
        }

        var header = new RecordHeader();
        var span = text.AsSpan();
        var newline = span.IndexOf('\n');
        var first = newline < 0 ? span : span[..newline];
        var formatName = Name;
        ReadOnlySpan<char> bodyText = first;
        if (envelope is not null && !envelope.TryPeel(first, header, time, out bodyText))
        {
            bodyText = first;
        }

        var chosen = body ?? ChooseBody(bodyText, time);
        if (!chosen.TryParse(bodyText, header, time, out var firstMessage) && !chosen.TryParseCut(bodyText, header, time, out firstMessage))
        {
            firstMessage = bodyText;
        }

        if (body is null && envelope is not null && chosen is not PlainBody)
        {
            formatName = CombinedName(envelope, chosen);
        }
        // Most records are one line: their message is one string, without a builder that grows several times.
        string messageText;
        if (newline < 0)
        {
            messageText = firstMessage.Length == text.Length ? text : firstMessage.ToString();
        }
        else
        {
            var message = new StringBuilder(text.Length);
            message.Append(firstMessage);
            AppendContinuations(span, newline, first, time, message);
            messageText = message.ToString();
        }
        return new LogFact
        {
            Source = source,
            Line = line,
            Text = text,
            Message = messageText,
            Level = header.Level,
            Component = header.Component,
            Host = header.Host ?? host,
            BundlePlatform = platform,
            Timestamp = header.Timestamp,
            Format = formatName,
            Fields = header.Fields ?? (IReadOnlyDictionary<string, string>)EmptyFields,
            Matched = matched,
        };
    }

    private static readonly Dictionary<string, string> EmptyFields = new();

    // "syslog3164+klog" and the like, made once per body rather than once per record. Racing writers store equal strings.
    private readonly string?[] _combinedNames = new string?[PerRecordBodies.Length];

    private string CombinedName(LogEnvelope outer, LogBody chosen)
    {
        var index = Array.IndexOf(PerRecordBodies, chosen);
        if (index < 0)
        {
            return $"{outer.Name}+{chosen.Name}";
        }

        return _combinedNames[index] ??= $"{outer.Name}+{chosen.Name}";
    }

    private void AppendContinuations(ReadOnlySpan<char> span, int newline, ReadOnlySpan<char> previous, TimeContext time, StringBuilder message)
    {
        while (newline >= 0)
        {
            span = span[(newline + 1)..];
            newline = span.IndexOf('\n');
            var line = newline < 0 ? span : span[..newline];
            var glue = envelope is not null && envelope.GluesPartials && envelope.Continues(line, previous);
            var inner = line;
            if (envelope is not null && !envelope.LinesAreEvents && envelope.TryPeel(line, null, time, out var peeled))
            {
                inner = peeled;
            }

            if (!glue)
            {
                message.Append('\n');
            }

            message.Append(inner);
            previous = line;
        }
    }

    private static LogBody ChooseBody(ReadOnlySpan<char> text, TimeContext time)
    {
        foreach (var candidate in PerRecordBodies)
        {
            if (candidate.TryParse(text, null, time, out _))
            {
                return candidate;
            }
        }
        return PlainBody.Instance;
    }
}
