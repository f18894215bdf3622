using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace KnowledgeEngine.Bench.CrashLoop;

/// <summary>
/// Writes a Cloudpods crash-loop bundle: the README example bundle (rules/cloudpods/examples/host-mac-changed/fires)
/// with its host log replaced by N repeats of the pair a restarting host service writes, `Master MAC: …` and then
/// the 409 `duplicate manager_uri` register failure. Both line shapes are read from the example's own host log;
/// the timestamp advances a few seconds per repeat, as the service restarts, and the last repeat keeps the
/// example's own time, so every line lies before the bundle's collection time.
/// </summary>
public static partial class CrashLoopBundle
{
    public const string Example = "rules/cloudpods/examples/host-mac-changed/fires";
    public const string HostLog = "control/logs/onecloud/default-host-x9k2p/host.log";
    private const int SecondsPerRestart = 5;

    /// <summary>Copies the example bundle from <paramref name="repository"/> to <paramref name="target"/> and writes
    /// the host log; returns the host log's size in bytes. <paramref name="fullBody"/>: the 409 line as the example
    /// has it (1.1 KB: region echoes the request back); otherwise the short body of the rule's inline example
    /// (`register failed: {"details":"duplicate manager_uri https://ip:port"}`), about 250 bytes a pair.</summary>
    public static long Write(string repository, string target, int repeats, bool fullBody)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(repeats, 1);
        var example = Path.Combine(repository, Example);
        Copy(example, target);
        var (mac, failure) = Shapes(File.ReadAllLines(Path.Combine(example, HostLog)), fullBody);
        var log = Path.Combine(target, HostLog);
        using (var writer = new StreamWriter(log, append: false, new UTF8Encoding(false), 1 << 16))
        {
            writer.NewLine = "\n";
            for (var i = 0; i < repeats; i++)
            {
                var time = (mac.Time - TimeSpan.FromSeconds((long)(repeats - 1 - i) * SecondsPerRestart))
                    .ToString(LineShape.TimeFormat, CultureInfo.InvariantCulture);
                writer.WriteLine(mac.At(time));
                writer.WriteLine(failure.At(time));
            }
        }
        return new FileInfo(log).Length;
    }

    private static (LineShape Mac, LineShape Failure) Shapes(string[] lines, bool fullBody)
    {
        var mac = LineShape.Parse(lines.First(l => l.Contains("Master MAC: ", StringComparison.Ordinal)));
        var failure = LineShape.Parse(lines.First(l => l.Contains("duplicate manager_uri", StringComparison.Ordinal)));
        if (!fullBody)
        {
            var uri = ManagerUri().Match(failure.Message).Groups[1].Value;
            failure = failure with { Message = $$"""register failed: {"details":"duplicate manager_uri {{uri}}"}""" };
        }
        return (mac, failure);
    }

    private static void Copy(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var copy = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
            File.Copy(file, copy, overwrite: true);
        }
    }

    [GeneratedRegex(@"duplicate manager_uri (https://[0-9.]+:\d+)")]
    private static partial Regex ManagerUri();

    /// <summary>A Cloudpods host log line, `[level yyyy-MM-dd HH:mm:ss location] message`, split at its timestamp.</summary>
    private sealed partial record LineShape(string Level, DateTime Time, string Location, string Message)
    {
        public const string TimeFormat = "yyyy-MM-dd HH:mm:ss";

        public static LineShape Parse(string line)
        {
            var match = Header().Match(line);
            if (!match.Success)
            {
                throw new FormatException($"{Example}/{HostLog}: '{line[..Math.Min(line.Length, 80)]}' is not a Cloudpods log line");
            }

            return new LineShape(match.Groups[1].Value,
                DateTime.ParseExact(match.Groups[2].Value, TimeFormat, CultureInfo.InvariantCulture),
                match.Groups[3].Value, match.Groups[4].Value);
        }

        public string At(string time) => $"[{Level} {time} {Location}] {Message}";

        [GeneratedRegex(@"^\[(\w+) (\d{4}-\d\d-\d\d \d\d:\d\d:\d\d) ([^\]]*)\] (.*)$")]
        private static partial Regex Header();
    }
}
