using System.Text.RegularExpressions;
using KnowledgeEngine.Facts.Resources;

namespace KnowledgeEngine.Facts.Tables;

/// <summary>
/// The kind of the rows of a table, from (in this order) a "kind/name" NAME cell (kubectl get with
/// several kinds), a talosctl TYPE column, the command above the table, the file name, the header's
/// columns; "table" when nothing tells.
/// </summary>
internal static partial class TableKinds
{
    /// <summary>kubectl's resource names and short names (plural, singular, short) → the kind its JSON says.</summary>
    private static readonly Dictionary<string, string> Kubernetes = Build(
        ("Node", "nodes node no"), ("Pod", "pods pod po"), ("Service", "services service svc"),
        ("Deployment", "deployments deployment deploy"), ("DaemonSet", "daemonsets daemonset ds"),
        ("StatefulSet", "statefulsets statefulset sts"), ("ReplicaSet", "replicasets replicaset rs"),
        ("Job", "jobs job"), ("CronJob", "cronjobs cronjob cj"), ("Namespace", "namespaces namespace ns"),
        ("PersistentVolumeClaim", "persistentvolumeclaims persistentvolumeclaim pvc"),
        ("PersistentVolume", "persistentvolumes persistentvolume pv"), ("Event", "events event ev"),
        ("ConfigMap", "configmaps configmap cm"), ("Secret", "secrets secret"), ("Ingress", "ingresses ingress ing"),
        ("Endpoints", "endpoints ep"), ("StorageClass", "storageclasses storageclass sc"),
        ("Volume", "volumes volume lhv"), ("Replica", "replicas replica lhr"), ("Engine", "engines engine lhe"),
        ("VirtualMachine", "virtualmachines virtualmachine vm vms"), ("VirtualMachineInstance", "virtualmachineinstances virtualmachineinstance vmi vmis"),
        ("Upgrade", "upgrades upgrade"), ("Machine", "machines machine"), ("Plan", "plans plan"),
        ("BlockDevice", "blockdevices blockdevice bd bds"), ("Setting", "settings setting"));

    public static string Of(TableBlock block, string source, IReadOnlyList<string> keys, int row)
    {
        var nameIndex = IndexOf(keys, "name");
        if (nameIndex >= 0 && SplitKindName(block.Rows[row].Cells[nameIndex]) is { } typed)
        {
            return typed.Kind;
        }

        var typeIndex = IndexOf(keys, "type");
        if (typeIndex >= 0 && IndexOf(keys, "node") >= 0 && IndexOf(keys, "id") >= 0)
        {
            return block.Rows[row].Cells[typeIndex]; // talosctl get: NODE NAMESPACE TYPE ID VERSION
        }

        return FromCommand(block.Command) ?? FromFileName(source) ?? FromColumns(keys) ?? "table";
    }

    /// <summary>"pod/web-0" → (Pod, web-0); "deployment.apps/web" → (Deployment, web); null without a slash.</summary>
    public static (string Kind, string Name)? SplitKindName(string cell)
    {
        var slash = cell.IndexOf('/');
        if (slash <= 0 || slash == cell.Length - 1)
        {
            return null;
        }

        var resource = cell[..slash];
        var dot = resource.IndexOf('.');
        var plain = dot > 0 ? resource[..dot] : resource;
        if (!plain.All(c => char.IsAsciiLetterLower(c) || c == '-'))
        {
            return null;
        }

        return (Kubernetes.GetValueOrDefault(plain) ?? char.ToUpperInvariant(plain[0]) + plain[1..], cell[(slash + 1)..]);
    }

    private static string? FromCommand(string? command)
    {
        if (command is null)
        {
            return null;
        }

        if (KubectlGet().Match(command) is { Success: true } get)
        {
            var resource = get.Groups["resource"].Value.Split(',')[0];
            var plain = resource.Split('.')[0].ToLowerInvariant();
            return Kubernetes.GetValueOrDefault(plain) ?? resource;
        }
        if (ClimcList().Match(command) is { Success: true } climc)
        {
            return climc.Groups["resource"].Value;
        }

        if (CmkList().Match(command) is { Success: true } cmk)
        {
            return Singular(cmk.Groups["resource"].Value.ToLowerInvariant());
        }

        return null;
    }

    private static string? FromFileName(string source)
    {
        var name = Path.GetFileNameWithoutExtension(source);
        if (name.Length == 0 || name is "stdin" or "pipe" || name.EndsWith(".log", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        if (KubectlFile().Match(name) is { Success: true } file)
        {
            var resource = file.Groups["resource"].Value.ToLowerInvariant();
            return Kubernetes.GetValueOrDefault(resource) ?? resource;
        }
        if (Kubernetes.TryGetValue(name.ToLowerInvariant(), out var kind))
        {
            return kind;
        }

        if (name.Contains("-list", StringComparison.OrdinalIgnoreCase) || name.StartsWith("climc", StringComparison.OrdinalIgnoreCase))
        {
            return ResourceShapes.KindFromFileName(source);
        }

        if (name.StartsWith("list", StringComparison.OrdinalIgnoreCase) && name.Length > 4)
        {
            return Singular(name[4..].TrimStart('_', '-').ToLowerInvariant());
        }

        return null;
    }

    /// <summary>kubectl's default columns per kind, for a table pasted without its command.</summary>
    private static string? FromColumns(IReadOnlyList<string> keys)
    {
        bool Has(params string[] names) => names.All(n => IndexOf(keys, n) >= 0);
        if (Has("status", "roles", "version"))
        {
            return "Node";
        }

        if (Has("ready", "status", "restarts"))
        {
            return "Pod";
        }

        if (Has("type", "cluster_ip"))
        {
            return "Service";
        }

        if (Has("desired", "current", "ready", "node_selector"))
        {
            return "DaemonSet";
        }

        if (Has("ready", "up_to_date", "available"))
        {
            return "Deployment";
        }

        if (Has("completions", "duration"))
        {
            return "Job";
        }

        if (Has("status", "volume", "capacity", "access_modes"))
        {
            return "PersistentVolumeClaim";
        }

        if (Has("last_seen", "type", "reason", "object"))
        {
            return "Event";
        }

        return null;
    }

    private static string Singular(string plural) =>
        plural.EndsWith("ies", StringComparison.Ordinal) ? plural[..^3] + "y"
        : plural.EndsWith("ses", StringComparison.Ordinal) ? plural[..^2]
        : plural.EndsWith('s') ? plural[..^1] : plural;

    private static int IndexOf(IReadOnlyList<string> keys, string key)
    {
        for (var i = 0; i < keys.Count; i++)
        {
            if (keys[i] == key)
            {
                return i;
            }
        }
        return -1;
    }

    private static Dictionary<string, string> Build(params (string Kind, string Names)[] kinds)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (kind, names) in kinds)
        {
            foreach (var name in names.Split(' '))
            {
                map[name] = kind;
            }
        }
        return map;
    }

    [GeneratedRegex(@"(?:^|[\s#$>])(?:kubectl|k|oc)\s+(?:.*?\s)?get\s+(?<resource>[A-Za-z][\w.,-]*)")]
    private static partial Regex KubectlGet();

    [GeneratedRegex(@"(?:^|[\s#$>])climc\s+(?<resource>[a-z][\w-]*?)-list\b")]
    private static partial Regex ClimcList();

    [GeneratedRegex(@"(?:^|[\s#$>]|cmk\s+)list\s+(?<resource>[A-Za-z]+)")]
    private static partial Regex CmkList();

    [GeneratedRegex(@"^(?:kubectl|k|oc)[_ -]+(?:.*[_ -])?get[_ -]+(?<resource>[A-Za-z][\w.-]*?)(?:[_ -].*)?$")]
    private static partial Regex KubectlFile();
}
