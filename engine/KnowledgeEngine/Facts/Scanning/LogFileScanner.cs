using System.Buffers;
using System.Text;
using KnowledgeEngine.Facts.Logs;

namespace KnowledgeEngine.Facts.Scanning;

/// <summary>Per-file counters, merged into the scan summary.</summary>
internal sealed class LogScanStats(int patterns)
{
    public long Lines;
    public long Records;
    public long Chars;
    public long CollapsedRecords;
    public long RepeatedFacts;
    public long[] PatternCounts { get; } = new long[patterns];
}

/// <summary>
/// One streaming pass over one log file. Text is decoded in chunks; the multi-literal prefilter searches the
/// whole chunk at once, and only around a hit are lines split and the record's first and last lines found.
/// A chunk is processed up to the last record start it holds; the rest is carried into the next chunk,
/// so every record is whole when it is parsed and memory stays at one chunk plus one record.
/// </summary>
internal sealed class LogFileScanner(FilePlan file, BundleLimits limits, IdleWorkers idle)
{
    internal const int ChunkBytes = 1 << 20;

    /// <summary>Regions at least this long have their literal search split over two cores when a worker is idle:
    /// below it, handing half to another thread costs more than it saves.</summary>
    internal const int SplitChars = 1 << 17;

    public LogFileScanner(FilePlan file, BundleLimits limits)
        : this(file, limits, IdleWorkers.None)
    {
    }

    public void Scan(Stream input, LogFormat format, TimeContext time, string source, string? host,
        Action<LogFact> emit, LogScanStats stats, Action<int, string> warn)
    {
        var run = new Run(file, limits, idle, format, time, source, host, emit, stats);
        var decoder = new UTF8Encoding(false, false).GetDecoder();
        var capacity = ChunkBytes + limits.MaxLineLength + 16;
        var bytes = ArrayPool<byte>.Shared.Rent(ChunkBytes);
        var chars = ArrayPool<char>.Shared.Rent(capacity);
        try
        {
            var filled = 0;
            long lineNumber = 1;
            var discarding = false;
            var first = true;
            var eof = false;
            while (!eof)
            {
                // A whole chunk per pass: the decoding streams hand out 64 KB at a time, and every pass pays for
                // finding the last record start and restarting the prefilter's tiers.
                var read = input.ReadAtLeast(bytes.AsSpan(0, Math.Min(ChunkBytes, capacity - filled - 16)), Math.Min(ChunkBytes, capacity - filled - 16), throwOnEndOfStream: false);
                eof = read == 0;
                var decoded = decoder.GetChars(bytes, 0, read, chars, filled, flush: eof);
                if (first && decoded > 0)
                {
                    first = false;
                    if (chars[0] == '\uFEFF')
                    {
                        Array.Copy(chars, 1, chars, 0, decoded - 1);
                        decoded--;
                    }
                }
                if (discarding)
                {
                    var newline = chars.AsSpan(filled, decoded).IndexOf('\n');
                    if (newline < 0)
                    {
                        continue;
                    }

                    discarding = false;
                    lineNumber++;
                    Array.Copy(chars, filled + newline + 1, chars, filled, decoded - newline - 1);
                    decoded -= newline + 1;
                }
                filled += decoded;
                stats.Chars += decoded;

                var cut = false;
                var safeEnd = eof ? filled : SafeEnd(chars.AsSpan(0, filled), run, out cut);
                if (safeEnd < 0)
                {
                    continue;
                }

                if (!eof && cut)
                {
                    var cutLine = lineNumber + chars.AsSpan(0, filled).Count('\n');
                    warn((int)Math.Min(cutLine, int.MaxValue), $"a line longer than {Bundles.ExtractionBudget.Size(limits.MaxLineLength)}; only its first {Bundles.ExtractionBudget.Size(limits.MaxLineLength)} was read");
                    discarding = true;
                }
                lineNumber = run.Process(chars, safeEnd, lineNumber, endsMidLine: cut || eof);
                // After a cut the rest of the buffer belongs to the overlong line and is dropped with it.
                var carry = cut ? 0 : filled - safeEnd;
                Array.Copy(chars, safeEnd, chars, 0, carry);
                filled = carry;
            }
            stats.Lines += lineNumber - 1 + (run.LastRegionEndedMidLine ? 1 : 0);
            run.Finish();
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(bytes);
            ArrayPool<char>.Shared.Return(chars);
        }
    }

    /// <summary>
    /// Where the complete records of the buffer end: the start of the last record start line. -1 when more
    /// data is needed; the whole buffer, with <paramref name="cut"/>, when a single line outgrows the limit.
    /// </summary>
    private int SafeEnd(ReadOnlySpan<char> buffer, Run run, out bool cut)
    {
        cut = false;
        var lastNewline = buffer.LastIndexOf('\n');
        if (lastNewline < 0 || buffer.Length - lastNewline - 1 > limits.MaxLineLength)
        {
            if (buffer.Length - lastNewline - 1 <= limits.MaxLineLength)
            {
                return -1;
            }

            cut = true;
            return lastNewline + 1 + limits.MaxLineLength;
        }
        var start = run.LastRecordStart(buffer[..(lastNewline + 1)]);
        if (buffer.Length - start > limits.MaxLineLength)
        {
            start = lastNewline + 1;
        }

        return start;
    }

    /// <summary>The state of one file's pass: format, matcher, counters and the sink.</summary>
    private sealed class Run(FilePlan file, BundleLimits limits, IdleWorkers idle, LogFormat format, TimeContext time, string source, string? host,
        Action<LogFact> emit, LogScanStats stats)
    {
        private readonly List<int> _starts = [];
        private readonly List<int> _borrowedStarts = [];

        private readonly ScanPlan _plan = file.Plan;
        private readonly PatternMatcher _matcher = new(file);
        private readonly bool _everyRecord = file.Plan.KeepsAllRecords || file.NeedsEveryRecord || (file.Prefilter is null && file.PatternCount > 0);
        private readonly RepeatCollapser _repeats = new(file.Plan, emit);

        /// <summary>The end of the file: its collapsed records are written (see <see cref="RepeatCollapser"/>).</summary>
        public void Finish()
        {
            _repeats.Flush();
            stats.CollapsedRecords += _repeats.Collapsed;
            stats.RepeatedFacts += _repeats.RepeatedFacts;
        }

        public bool LastRegionEndedMidLine { get; private set; }

        /// <summary>Scans the first <paramref name="length"/> characters of <paramref name="buffer"/>, whole records.</summary>
        public long Process(char[] buffer, int length, long lineNumber, bool endsMidLine)
        {
            var region = buffer.AsSpan(0, length);
            LastRegionEndedMidLine = endsMidLine && region.Length > 0 && region[^1] != '\n';
            if (_everyRecord || _matcher.AnyGateOpen)
            {
                return EveryRecord(region, lineNumber);
            }

            if (file.PatternCount == 0)
            {
                return lineNumber + region.Count('\n');
            }

            return Prefiltered(buffer, length, lineNumber);
        }

        private long Prefiltered(char[] buffer, int length, long lineNumber)
        {
            var region = buffer.AsSpan(0, length);
            var prefilter = file.Prefilter!;
            var cursor = prefilter.NewCursor();
            var split = region.Length >= SplitChars && idle.Any;
            if (split)
            {
                SearchOnTwoCores(buffer, length, prefilter);
            }

            var position = 0;
            var nextStart = 0;
            while (position < region.Length)
            {
                int hit;
                if (split)
                {
                    while (nextStart < _starts.Count && _starts[nextStart] < position)
                    {
                        nextStart++;
                    }

                    hit = nextStart < _starts.Count ? _starts[nextStart] : -1;
                }
                else
                {
                    hit = prefilter.Next(region, position, cursor);
                }

                if (hit < 0)
                {
                    break;
                }

                var hitLine = LineStart(region, hit, position);
                var recordStart = RecordStartBefore(region, hitLine, position);
                lineNumber += region[position..recordStart].Count('\n');
                var recordEnd = RecordEndAfter(region, hitLine);
                var record = region[recordStart..recordEnd];
                Offer(record, lineNumber);
                lineNumber += record.Count('\n');
                position = recordEnd;
                if (_matcher.AnyGateOpen)
                {
                    // The record opened a gated regex: from here on every record of the file is tried.
                    return EveryRecord(region[position..], lineNumber);
                }
            }
            return lineNumber + region[position..].Count('\n');
        }

        /// <summary>
        /// Every literal start of the region into <see cref="_starts"/>, the second half searched on another core.
        /// The literal search is nearly all of a prefiltered scan (a trace of the 1 GB bundle: 1.5 s of its 2.1 s),
        /// and the records around the starts are few; they are still cut and matched here, in order.
        /// </summary>
        private void SearchOnTwoCores(char[] buffer, int length, Prefilter prefilter)
        {
            _starts.Clear();
            _borrowedStarts.Clear();
            var middle = length / 2;
            var borrowed = Task.Run(() => prefilter.CollectStarts(buffer.AsSpan(0, length), middle, length, _borrowedStarts));
            prefilter.CollectStarts(buffer.AsSpan(0, length), 0, middle, _starts);
            borrowed.GetAwaiter().GetResult();
            _starts.AddRange(_borrowedStarts);
        }

        private long EveryRecord(ReadOnlySpan<char> region, long lineNumber)
        {
            var next = lineNumber + region.Count('\n');
            var recordStart = 0;
            var recordLine = lineNumber;
            var linesInRecord = 0;
            var previous = ReadOnlySpan<char>.Empty;
            var position = 0;
            while (position < region.Length)
            {
                var end = LineEnd(region, position);
                var line = TrimCr(region[position..end]);
                if (position > recordStart && (linesInRecord >= limits.MaxRecordLines || format.IsRecordStart(line, previous, time)))
                {
                    Offer(region[recordStart..position], recordLine);
                    recordStart = position;
                    recordLine = lineNumber;
                    linesInRecord = 0;
                }
                linesInRecord++;
                previous = line;
                lineNumber++;
                position = end + 1;
            }
            if (recordStart < region.Length)
            {
                Offer(region[recordStart..], recordLine);
            }

            return next;
        }

        private void Offer(ReadOnlySpan<char> record, long line)
        {
            var trimmed = record.TrimEnd("\r\n");
            if (trimmed.IsWhiteSpace())
            {
                return;
            }

            var matched = file.PatternCount == 0 ? [] : _matcher.Match(trimmed, stats.PatternCounts);
            if (matched.Count == 0 && !_plan.KeepsAllRecords)
            {
                return;
            }

            var text = trimmed.Contains('\r') ? trimmed.ToString().Replace("\r\n", "\n") : trimmed.ToString();
            stats.Records++;
            _repeats.Add(format.Build(text, source, (int)Math.Min(line, int.MaxValue), host, time, matched));
        }

        /// <summary>The start of the last line in <paramref name="complete"/> that begins a record (0 when none does).</summary>
        public int LastRecordStart(ReadOnlySpan<char> complete)
        {
            var end = complete.Length - 1;
            for (var steps = 0; steps < limits.MaxRecordLines && end > 0; steps++)
            {
                var start = complete[..end].LastIndexOf('\n') + 1;
                if (start == 0)
                {
                    return 0;
                }

                var previousStart = complete[..(start - 1)].LastIndexOf('\n') + 1;
                if (format.IsRecordStart(TrimCr(complete[start..end]), TrimCr(complete[previousStart..(start - 1)]), time))
                {
                    return start;
                }

                end = start - 1;
            }
            return end <= 0 ? 0 : end + 1;
        }

        private int RecordStartBefore(ReadOnlySpan<char> region, int lineStart, int floor)
        {
            for (var steps = 0; steps < limits.MaxRecordLines && lineStart > floor; steps++)
            {
                var previousStart = LineStart(region, lineStart - 1, floor);
                var line = TrimCr(region[lineStart..LineEnd(region, lineStart)]);
                if (format.IsRecordStart(line, TrimCr(region[previousStart..(lineStart - 1)]), time))
                {
                    return lineStart;
                }

                lineStart = previousStart;
            }
            return lineStart;
        }

        private int RecordEndAfter(ReadOnlySpan<char> region, int lineStart)
        {
            var previousEnd = LineEnd(region, lineStart);
            var previous = TrimCr(region[lineStart..previousEnd]);
            var position = previousEnd + 1;
            for (var steps = 1; steps < limits.MaxRecordLines && position < region.Length; steps++)
            {
                var end = LineEnd(region, position);
                var line = TrimCr(region[position..end]);
                if (format.IsRecordStart(line, previous, time))
                {
                    return position;
                }

                previous = line;
                position = end + 1;
            }
            return Math.Min(position, region.Length);
        }

        private static int LineStart(ReadOnlySpan<char> region, int at, int floor) =>
            Math.Max(floor, region[floor..at].LastIndexOf('\n') + floor + 1);

        private static int LineEnd(ReadOnlySpan<char> region, int from)
        {
            var newline = region[from..].IndexOf('\n');
            return newline < 0 ? region.Length : from + newline;
        }

        private static ReadOnlySpan<char> TrimCr(ReadOnlySpan<char> line) => line.Length > 0 && line[^1] == '\r' ? line[..^1] : line;
    }
}
