using System.Globalization;
using System.Text;
using KnowledgeEngine.Bench.Scanning;

namespace KnowledgeEngine.Bench.Engine;

/// <summary>
/// The generated inputs of `bench diag`: a folder bundle with one RFC 3164 syslog file whose lines name one of
/// the hosts (so the facts layer fills <c>host</c> from the envelope), a climc host list, and one rule file per
/// literal joining the log line to the host resource of the same name. Deterministic for given arguments.
/// </summary>
internal static class DiagCorpus
{
    public const int Hosts = 200;

    public static string HostName(int index) => $"node-{index:D3}";

    /// <summary>Writes the bundle; <paramref name="hitPerMille"/> of every 1,000 lines carry one of the literals.
    /// Returns the log's size in bytes, the number of lines with a literal and the number of rule matches expected
    /// (a line containing two literals matches two rules).</summary>
    public static (long Bytes, long Lines, long Matches) WriteBundle(string folder, string[] literals, int lines, int hitPerMille)
    {
        Directory.CreateDirectory(Path.Combine(folder, "logs"));
        Directory.CreateDirectory(Path.Combine(folder, "climc"));
        WriteHosts(Path.Combine(folder, "climc", "host-list.json"));
        var random = new Random(11);
        long hits = 0, hitLines = 0;
        var log = Path.Combine(folder, "logs", "kubelet.log");
        using (var output = new StreamWriter(log, false, new UTF8Encoding(false), 1 << 16))
        {
            var text = new StringBuilder(160);
            for (var line = 0; line < lines; line++)
            {
                var second = line / 10 % 86400;
                var clock = $"{second / 3600:00}:{second / 60 % 60:00}:{second % 60:00}";
                var precise = $"{clock}.{random.Next(1_000_000):000000}";
                text.Clear();
                text.Append("Mar  9 ").Append(clock).Append(' ').Append(HostName(random.Next(Hosts))).Append(" kubelet[2211]: ");
                if (random.Next(1000) < hitPerMille)
                {
                    var message = $"{literals[random.Next(literals.Length)]} (pod web-{random.Next(99999)})";
                    hitLines++;
                    hits += literals.Count(l => message.Contains(l, StringComparison.Ordinal));
                    text.Append("E0309 ").Append(precise).Append(" 2211 pod_workers.go:1298] ").Append(message);
                }
                else
                {
                    text.Append("I0309 ").Append(precise).Append(" 2211 kubelet_pods.go:1082] Pod updated web-")
                        .Append(random.Next(1 << 24).ToString("x6", CultureInfo.InvariantCulture)).Append(" Running, 3 volumes");
                }
                output.Write(text.Append('\n'));
            }
        }
        return (new FileInfo(log).Length, hitLines, hits);
    }

    /// <summary>One rule per literal: the log line, then the host resource named by the line's host.</summary>
    public static void WriteRules(string folder, string[] literals)
    {
        Directory.CreateDirectory(folder);
        for (var i = 0; i < literals.Length; i++)
        {
            var rule = new StringBuilder();
            rule.AppendLine($"id: diag/rule-{i:D3}");
            rule.AppendLine($"title: Generated symptom {i}");
            rule.AppendLine("platform: diag");
            rule.AppendLine("severity: high");
            rule.AppendLine("when:");
            rule.AppendLine($"  - log: {{ contains: '{literals[i].Replace("'", "''")}' }}");
            rule.AppendLine("    as: line");
            rule.AppendLine("  - resource: { kind: host, where: 'name == line.host' }");
            rule.AppendLine("    as: host");
            rule.AppendLine("cause: { summary: Generated cause, confidence: 0.6 }");
            rule.AppendLine("fix:");
            rule.AppendLine("  - 'look at {{ host.name }}'");
            File.WriteAllText(Path.Combine(folder, $"rule{i:D3}.yaml"), rule.ToString());
        }
    }

    private static void WriteHosts(string path)
    {
        var json = new StringBuilder("{\"data\": [\n");
        for (var i = 0; i < Hosts; i++)
        {
            json.Append(CultureInfo.InvariantCulture,
                $"  {{\"id\": \"{i:x8}\", \"name\": \"{HostName(i)}\", \"access_ip\": \"10.0.{i / 250}.{i % 250 + 1}\", \"host_status\": \"online\", \"cpu_count\": 32}}");
            json.Append(i + 1 < Hosts ? ",\n" : "\n");
        }
        json.Append(CultureInfo.InvariantCulture, $"], \"total\": {Hosts}, \"limit\": 2048}}\n");
        File.WriteAllText(path, json.ToString());
    }

    /// <summary>The literals of the scan workload: 20 real symptoms and 480 symptom-like ones.</summary>
    public static string[] Literals(int count) => ScanCorpus.Patterns(count);
}
