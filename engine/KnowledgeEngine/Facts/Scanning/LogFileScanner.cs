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

    /// <summary>Regions at least this long are split over two cores when a worker is idle: below it, handing half to
    /// another thread costs more than it saves.</summary>
    internal const int SplitChars = 1 << 17;

    public LogFileScanner(FilePlan file, BundleLimits limits)
        : this(file, limits, IdleWorkers.None)
    {
    }

    /// <param name="platform">The bundle's platform as the scan plan reads it (<see cref="ScanPlan.PlatformOf"/>), which
    /// every fact carries.</param>
    public void Scan(Stream input, LogFormat format, TimeContext time, string source, string? host, string? platform,
        Action<LogFact> emit, LogScanStats stats, Action<int, string> warn)
    {
        var run = new Run(file, limits, idle, format, time, source, host, platform, emit, stats);
        var decoder = new UTF8Encoding(false, false).GetDecoder();
        // Before each read, at most one line is held (a record's carried start, or a line still without its end), so a
        // whole chunk always fits behind it; the 16 are for characters the decoder held back from the last chunk.
        var capacity = ChunkBytes + limits.MaxLineLength + 16;
        using var chunks = new ChunkReadAhead(input, ChunkBytes);
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
                var (bytes, read) = chunks.Next();
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
        string? platform, Action<LogFact> emit, LogScanStats stats)
    {
        private readonly ScanPlan _plan = file.Plan;
        private readonly bool _everyRecord = file.Plan.KeepsAllRecords || file.NeedsEveryRecord || (file.Prefilter is null && file.PatternCount > 0);
        private readonly RepeatCollapser _repeats = new(file.Plan, emit);
        private readonly Lane _main = new(new PatternMatcher(file), stats.PatternCounts, null);
        private Lane? _second;

        /// <summary>The end of the file: its collapsed records are written (see <see cref="RepeatCollapser"/>).</summary>
        public void Finish()
        {
            _repeats.Flush();
            stats.Records += _main.Records;
            stats.CollapsedRecords += _repeats.Collapsed;
            stats.RepeatedFacts += _repeats.RepeatedFacts;
        }

        public bool LastRegionEndedMidLine { get; private set; }

        /// <summary>Scans the first <paramref name="length"/> characters of <paramref name="buffer"/>, whole records.</summary>
        public long Process(char[] buffer, int length, long lineNumber, bool endsMidLine)
        {
            var region = buffer.AsSpan(0, length);
            LastRegionEndedMidLine = endsMidLine && region.Length > 0 && region[^1] != '\n';
            if (_everyRecord || _main.Matcher.AnyGateOpen)
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
            if (length >= SplitChars && idle.Any && HalfwayRecordStart(buffer.AsSpan(0, length)) is > 0 and var middle)
            {
                return InHalves(buffer, length, middle, lineNumber);
            }

            var region = buffer.AsSpan(0, length);
            var (stoppedAt, stoppedLine) = Walk(region, lineNumber, _main);
            // A record that opened a gated regex ends the walk: from there on every record of the file is tried.
            return _main.Matcher.AnyGateOpen ? EveryRecord(region[stoppedAt..], stoppedLine) : stoppedLine;
        }

        /// <summary>
        /// Cuts the record around the literal at <paramref name="hit"/> and offers it; returns where the record ends and
        /// advances <paramref name="lineNumber"/> to it.
        /// </summary>
        private int OfferAround(ReadOnlySpan<char> region, int hit, int position, ref long lineNumber, Lane lane)
        {
            var hitLine = LineStart(region, hit, position);
            var recordStart = RecordStartBefore(region, hitLine, position);
            lineNumber += region[position..recordStart].Count('\n');
            var recordEnd = RecordEndAfter(region, hitLine);
            var record = region[recordStart..recordEnd];
            Offer(record, lineNumber, lane);
            lineNumber += record.Count('\n');
            return recordEnd;
        }

        /// <summary>
        /// The region cut at a record start near its middle, each half searched, cut and matched on its own core; the
        /// second half's facts are held and handed on after the first half's, so the facts come in file order. A
        /// crash-loop log is all hits: in a trace of 100,000 repeats nine tenths of the scan went to cutting, matching
        /// and building the records, not to the literal search, so splitting only the search left one core idle.
        /// A gated regex opened in the first half changes what the rest must try: the second half's work is then
        /// dropped and every record after the opening one tried here. One opened in the second half ends that half's walk at its record,
        /// and every record after it is tried here, as on one thread.
        /// </summary>
        private long InHalves(char[] buffer, int length, int middle, long lineNumber)
        {
            var secondLine = lineNumber + buffer.AsSpan(0, middle).Count('\n');
            var second = _second ??= new Lane(new PatternMatcher(file, twin: true), new long[stats.PatternCounts.Length], []);
            var borrowed = Task.Run(() => Walk(buffer.AsSpan(middle, length - middle), secondLine, second));
            var (firstStoppedAt, firstStoppedLine) = Walk(buffer.AsSpan(0, middle), lineNumber, _main);
            var (stoppedAt, stoppedLine) = borrowed.GetAwaiter().GetResult();
            if (_main.Matcher.AnyGateOpen)
            {
                second.Reset();
                second.Matcher.CloseAll();
                return EveryRecord(buffer.AsSpan(firstStoppedAt, length - firstStoppedAt), firstStoppedLine);
            }

            foreach (var fact in second.Held!)
            {
                _repeats.Add(fact);
            }
            _main.Take(second);
            if (second.Matcher.AnyGateOpen)
            {
                _main.Matcher.OpenAs(second.Matcher);
                second.Matcher.CloseAll();
                return EveryRecord(buffer.AsSpan(middle + stoppedAt, length - middle - stoppedAt), stoppedLine);
            }
            return stoppedLine;
        }

        /// <summary>Every record around a literal of <paramref name="region"/>, in order, until a record opens a gated
        /// regex; returns where it stopped (the region's end, or the end of that record) and the line there.</summary>
        private (int End, long Line) Walk(ReadOnlySpan<char> region, long lineNumber, Lane lane)
        {
            var prefilter = file.Prefilter!;
            var cursor = prefilter.NewCursor();
            var position = 0;
            while (position < region.Length && prefilter.Next(region, position, cursor) is >= 0 and var hit)
            {
                position = OfferAround(region, hit, position, ref lineNumber, lane);
                if (lane.Matcher.AnyGateOpen)
                {
                    return (position, lineNumber);
                }
            }
            return (region.Length, lineNumber + region[position..].Count('\n'));
        }

        /// <summary>The first record start at or after the line holding the region's middle, or −1 when none is found
        /// within a record's length (one record would span the cut; the region is then walked on one thread).</summary>
        private int HalfwayRecordStart(ReadOnlySpan<char> region)
        {
            var start = LineStart(region, region.Length / 2, 0);
            for (var steps = 0; steps <= limits.MaxRecordLines && start > 0 && start < region.Length; steps++)
            {
                var previousStart = LineStart(region, start - 1, 0);
                if (format.IsRecordStart(TrimCr(region[start..LineEnd(region, start)]), TrimCr(region[previousStart..(start - 1)]), time))
                {
                    return start;
                }

                start = LineEnd(region, start) + 1;
            }
            return -1;
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
                    Offer(region[recordStart..position], recordLine, _main);
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
                Offer(region[recordStart..], recordLine, _main);
            }

            return next;
        }

        private void Offer(ReadOnlySpan<char> record, long line, Lane lane)
        {
            var trimmed = record.TrimEnd("\r\n");
            if (trimmed.IsWhiteSpace())
            {
                return;
            }

            var matched = file.PatternCount == 0 ? [] : lane.Matcher.Match(trimmed, lane.Counts);
            if (matched.Count == 0 && !_plan.KeepsAllRecords)
            {
                return;
            }

            var text = trimmed.Contains('\r') ? trimmed.ToString().Replace("\r\n", "\n") : trimmed.ToString();
            lane.Records++;
            var fact = format.Build(text, source, (int)Math.Min(line, int.MaxValue), host, time, matched, platform);
            if (lane.Held is { } held)
            {
                held.Add(fact);
            }
            else
            {
                _repeats.Add(fact);
            }
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

        /// <summary>One thread's share of a file's records: its matcher and pattern counts, and for the second half
        /// of a split region the facts held until the first half's are handed on (null: straight to the collapser).</summary>
        private sealed class Lane(PatternMatcher matcher, long[] counts, List<LogFact>? held)
        {
            public PatternMatcher Matcher { get; } = matcher;
            public long[] Counts { get; } = counts;
            public List<LogFact>? Held { get; } = held;
            public long Records { get; set; }

            /// <summary>Adds what <paramref name="other"/> counted and leaves it empty for its next region.</summary>
            public void Take(Lane other)
            {
                Records += other.Records;
                for (var i = 0; i < Counts.Length; i++)
                {
                    Counts[i] += other.Counts[i];
                }
                other.Reset();
            }

            /// <summary>Drops the region's held facts and counts.</summary>
            public void Reset()
            {
                Held?.Clear();
                Array.Clear(Counts);
                Records = 0;
            }
        }

        private static ReadOnlySpan<char> TrimCr(ReadOnlySpan<char> line) => line.Length > 0 && line[^1] == '\r' ? line[..^1] : line;
    }
}
