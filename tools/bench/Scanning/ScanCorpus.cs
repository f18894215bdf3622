using System.Text;

namespace KnowledgeEngine.Bench.Scanning;

/// <summary>
/// Writes a syslog/kubelet-style log of a given size (about 124 bytes a line) where 0.5 % of the lines carry
/// one of 20 failure literals, and the pattern files for 20 and 500 literals. Deterministic for a given size.
/// </summary>
public static class ScanCorpus
{
    public static readonly string[] Literals =
    [
        "No space left on device", "x509: certificate has expired", "CrashLoopBackOff", "OOMKilled", "connection refused",
        "context deadline exceeded", "i/o timeout", "Too many open files", "read-only file system", "ImagePullBackOff",
        "node not ready", "etcdserver: request timed out", "failed to reserve sandbox name", "PLEG is not healthy",
        "Entering FAULT STATE", "duplicate manager_uri", "Insufficient capacity", "nf_conntrack: table full",
        "Out of memory: Killed process", "transport is closing",
    ];

    private static readonly string[] Hosts = ["worker-017", "worker-102", "cp-01", "store-3", "edge-22"];

    private static readonly string[] Routine =
    [
        "I0309 {0} 2211 reconciler.go:224] VerifyAttachedVolume pvc-{1:x6}",
        "I0309 {0} 2211 kubelet_pods.go:1082] Pod updated web-{1:x5} Running",
        "time=\"2024-03-09T{0}Z\" level=info msg=\"ImageCreate app:{1:x4} ok\"",
        "I0309 {0} 2211 prober.go:116] Probe api-{1:x5} succeeded 12ms",
    ];

    /// <summary>Writes <paramref name="bytes"/> of log to <paramref name="path"/>; returns the number of literal-bearing lines.</summary>
    public static long Write(string path, long bytes)
    {
        var random = new Random(42);
        long written = 0, hits = 0, line = 0;
        using var output = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 20);
        var text = new StringBuilder(160);
        while (written < bytes)
        {
            line++;
            var second = (int)(line / 400 % 86400);
            var clock = $"{second / 3600:00}:{second / 60 % 60:00}:{second % 60:00}";
            var precise = $"{clock}.{random.Next(1_000_000):000000}";
            var host = Hosts[random.Next(Hosts.Length)];
            text.Clear();
            text.Append("Mar  9 ").Append(clock).Append(' ').Append(host).Append(" kubelet[2211]: ");
            if (random.Next(1000) < 5)
            {
                hits++;
                text.Append("E0309 ").Append(precise).Append(" 2211 pod_workers.go:1298] ")
                    .Append(Literals[random.Next(Literals.Length)]).Append(" (pod web-").Append(random.Next(99999)).Append(')');
            }
            else
            {
                text.AppendFormat(System.Globalization.CultureInfo.InvariantCulture, Routine[random.Next(Routine.Length)], precise, random.Next(1 << 24));
            }

            text.Append('\n');
            output.Write(text);
            written += text.Length;
        }
        return hits;
    }

    /// <summary>The 20 literals, then 480 more that read like symptoms but occur nowhere in the corpus.</summary>
    public static string[] Patterns(int count)
    {
        string[] subjects = ["volume", "lease", "webhook", "bridge", "tunnel", "quota", "snapshot", "router", "mount", "cgroup",
                             "scheduler", "migration", "replica", "backup", "gateway", "vxlan"];
        string[] verbs = ["stalled", "rejected", "diverged", "orphaned", "throttled", "corrupted", "flapping", "expired"];
        var random = new Random(7);
        var patterns = Literals.ToList();
        while (patterns.Count < count)
        {
            var candidate = $"{subjects[random.Next(subjects.Length)]} {random.Next(100, 999)} {verbs[random.Next(verbs.Length)]}";
            if (!patterns.Contains(candidate))
            {
                patterns.Add(candidate);
            }
        }
        return patterns.Take(count).ToArray();
    }
}
