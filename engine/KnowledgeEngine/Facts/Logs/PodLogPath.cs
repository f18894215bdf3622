namespace KnowledgeEngine.Facts.Logs;

/// <summary>
/// The namespace, pod and container a container log was collected from, read from where the collectors
/// put it: <c>logs/&lt;ns&gt;/&lt;pod&gt;/&lt;container&gt;.log[.N]</c> (Harvester support bundle, kubectl log dumps),
/// <c>namespaces/&lt;ns&gt;/pods/&lt;pod&gt;/&lt;container&gt;/&lt;container&gt;/logs/{current,previous}.log</c>
/// (must-gather) and <c>var/log/pods/&lt;ns&gt;_&lt;pod&gt;_&lt;uid&gt;/&lt;container&gt;/N.log</c> (a node's kubelet).
/// A fix step can then name the pod to restart instead of asking the operator to look it up.
/// </summary>
internal sealed record PodLogPath(string Namespace, string Pod, string Container)
{
    private static readonly LastPathAnswer<PodLogPath?> Last = new(source => Parse(source.Split('/')));

    public static PodLogPath? Of(string source) => Last.Of(source);

    private static PodLogPath? Parse(string[] parts)
    {
        var n = parts.Length;
        if (n >= 8 && parts[n - 8] == "namespaces" && parts[n - 6] == "pods" && parts[n - 3] == parts[n - 4] && parts[n - 2] == "logs"
            && parts[n - 1] is "current.log" or "previous.log")
        {
            return new PodLogPath(parts[n - 7], parts[n - 5], parts[n - 4]);
        }

        if (n >= 5 && parts[n - 5] == "log" && parts[n - 4] == "pods" && parts[n - 3].Split('_') is [var ns, var pod, _])
        {
            return new PodLogPath(ns, pod, parts[n - 2]);
        }

        if (n >= 4 && parts[n - 4] == "logs" && ContainerOf(parts[n - 1]) is { } container)
        {
            return new PodLogPath(parts[n - 3], parts[n - 2], container);
        }

        return null;
    }

    /// <summary>"host.log" or the previous container's "host.log.1".</summary>
    private static string? ContainerOf(string file)
    {
        var at = file.IndexOf(".log", StringComparison.Ordinal);
        var rest = at > 0 ? file[(at + 4)..] : null;
        return rest is not null && (rest.Length == 0 || (rest[0] == '.' && rest[1..].All(char.IsAsciiDigit) && rest.Length > 1))
            ? file[..at]
            : null;
    }
}
