using KnowledgeEngine.Facts.Logs.Bodies;
using KnowledgeEngine.Facts.Logs.Envelopes;

namespace KnowledgeEngine.Facts.Logs;

/// <summary>
/// Picks a file's format from its first records: first the envelope most lines carry, then the body most
/// peeled lines parse as. Record starts are counted, not lines: stack frames, goroutine dumps and
/// tracebacks (see <see cref="StackShapes"/>) are left out, so one log4j header above 80 "at" lines still
/// makes the file log4j. A header whose start was cut off counts for its body too (see <see cref="CutHeader"/>),
/// so a paste whose first lines lost their timestamps is not taken for plain text; a whole header wins a tie.
/// Order breaks remaining ties, so the more specific shape is listed first.
/// </summary>
internal static class FormatDetector
{
    /// <summary>Record starts looked at.</summary>
    public const int SampleLines = 20;

    /// <summary>Lines looked at at most, continuation lines included (a long stack trace under the first header).</summary>
    public const int MaxSampleLines = 400;

    private static readonly LogEnvelope[] Envelopes =
    [
        new JournalJsonEnvelope(), new Syslog5424Envelope(), new Syslog3164Envelope(), new ShortIsoEnvelope(),
        new CriEnvelope(), new TalosDmesgEnvelope(), new TimestampPrefixEnvelope(), new KernelUptimeEnvelope(),
    ];

    private static readonly LogBody[] Bodies =
    [
        new KlogBody(), new GoLogBody(), new CloudpodsBody(), new Log4jBody(), new PythonLogBody(), new ZapConsoleBody(), new JsonBody(), new LogfmtBody(),
    ];

    public static LogFormat Detect(IReadOnlyList<string> sample, TimeContext time)
    {
        var lines = RecordStarts(sample);
        if (lines.Count == 0)
        {
            return LogFormat.Plain;
        }

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
        if (best < Needed(lines.Count))
        {
            envelope = null;
        }

        if (envelope is { LinesAreEvents: true })
        {
            return new LogFormat(envelope, null);
        }

        var bodies = envelope is null ? lines : lines.Select(l => Peel(envelope, l, time)).Where(b => b is not null).Select(b => b!).ToList();
        var starts = bodies.Where(b => !StackShapes.Continues(b)).ToList();
        if (starts.Count > 0)
        {
            bodies = starts;
        }

        LogBody body = PlainBody.Instance;
        (int Score, int Whole) top = (0, 0);
        foreach (var candidate in Bodies)
        {
            var whole = bodies.Count(b => candidate.TryParse(b, null, time, out _));
            var cut = whole == bodies.Count ? 0 : bodies.Count(b => !candidate.TryParse(b, null, time, out _) && candidate.TryParseCut(b, null, time, out _));
            if (whole + cut > top.Score || (whole + cut == top.Score && whole > top.Whole))
            {
                top = (whole + cut, whole);
                body = candidate;
            }
        }
        if (top.Score < Needed(bodies.Count))
        {
            body = PlainBody.Instance;
        }

        return new LogFormat(envelope, body);
    }

    private static int Needed(int lines) => Math.Max(1, (int)Math.Ceiling(lines * 0.3));

    /// <summary>The first <see cref="SampleLines"/> lines that may start a record (all the lines read when none does).</summary>
    private static List<string> RecordStarts(IReadOnlyList<string> sample)
    {
        var starts = new List<string>();
        var all = new List<string>();
        foreach (var raw in sample.Take(MaxSampleLines))
        {
            if (string.IsNullOrWhiteSpace(raw))
            {
                continue;
            }

            var line = raw.Contains('\x1b') ? Ansi.Strip(raw) : raw;
            if (all.Count < SampleLines)
            {
                all.Add(line);
            }

            if (!StackShapes.Continues(line))
            {
                starts.Add(line);
            }

            if (starts.Count == SampleLines)
            {
                break;
            }
        }
        return starts.Count > 0 ? starts : all;
    }

    private static string? Peel(LogEnvelope envelope, string line, TimeContext time) =>
        envelope.TryPeel(line, null, time, out var body) ? body.ToString() : null;
}
