using KnowledgeEngine.Facts.Logs.Bodies;
using KnowledgeEngine.Facts.Logs.Envelopes;

namespace KnowledgeEngine.Facts.Logs;

/// <summary>
/// Picks a file's format from its first lines: first the envelope most lines carry, then the body most
/// peeled lines parse as. Order breaks ties, so the more specific shape is listed first.
/// </summary>
internal static class FormatDetector
{
    public const int SampleLines = 20;

    private static readonly LogEnvelope[] Envelopes =
    [
        new JournalJsonEnvelope(), new Syslog5424Envelope(), new Syslog3164Envelope(), new ShortIsoEnvelope(),
        new CriEnvelope(), new TalosDmesgEnvelope(), new TimestampPrefixEnvelope(), new KernelUptimeEnvelope(),
    ];

    private static readonly LogBody[] Bodies =
    [
        new KlogBody(), new GoLogBody(), new CloudpodsBody(), new Log4jBody(), new PythonLogBody(), new JsonBody(), new LogfmtBody(),
    ];

    public static LogFormat Detect(IReadOnlyList<string> sample, TimeContext time)
    {
        var lines = sample.Where(l => !string.IsNullOrWhiteSpace(l)).Take(SampleLines)
            .Select(l => l.Contains('\x1b') ? Ansi.Strip(l) : l).ToList();
        if (lines.Count == 0)
            return LogFormat.Plain;
        var needed = Math.Max(1, (int)Math.Ceiling(lines.Count * 0.3));

        LogEnvelope? envelope = null;
        var best = 0;
        foreach (var candidate in Envelopes)
        {
            var hits = lines.Count(l => candidate.TryPeel(l, null, time, out _));
            if (hits > best)
            {
                best = hits;
                envelope = candidate;
            }
        }
        if (best < needed)
            envelope = null;
        if (envelope is { LinesAreEvents: true })
            return new LogFormat(envelope, null);

        var bodies = envelope is null ? lines : lines.Select(l => Peel(envelope, l, time)).Where(b => b is not null).Select(b => b!).ToList();
        LogBody body = PlainBody.Instance;
        best = 0;
        foreach (var candidate in Bodies)
        {
            var hits = bodies.Count(b => candidate.TryParse(b, null, time, out _));
            if (hits > best)
            {
                best = hits;
                body = candidate;
            }
        }
        if (best < Math.Max(1, (int)Math.Ceiling(bodies.Count * 0.3)))
            body = PlainBody.Instance;
        return new LogFormat(envelope, body);
    }

    private static string? Peel(LogEnvelope envelope, string line, TimeContext time) =>
        envelope.TryPeel(line, null, time, out var body) ? body.ToString() : null;
}
