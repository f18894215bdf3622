namespace KnowledgeEngine.Facts.Layouts;

/// <summary>
/// Anything without a collector's markers: a folder of logs, or API output saved by hand. The name says what the
/// files are when they agree: kubectl objects, climc output (Cloudpods), CloudStack API responses.
/// </summary>
internal sealed class PlainLayout : BundleLayout
{
    private string _name = "plain";
    private string? _platform;

    public override string Name => _name;
    public override string? Platform => _platform;

    public override bool Recognise(LayoutContext context)
    {
        var documents = context.Entries.Where(e => !e.IsBinary && IsDocument(e.Path)).ToList();
        var kinds = documents.Select(e => ContentProbe.DocumentFamily(e)).Where(k => k is not null).Distinct().ToList();
        var logs = context.Entries.Where(e => !e.IsBinary && !IsDocument(e.Path)).Select(e => e.Path).ToList();
        if (kinds.Count == 1 && logs.Count == 0)
        {
            _name = kinds[0]!;
        }

        _platform = (kinds.Count == 1 ? kinds[0] : null) switch
        {
            "cloudstack" => "cloudstack",
            "cloudpods" => "cloudpods",
            "kubectl" => "kubernetes",
            _ => PlatformFromNames(context.Entries.Select(e => e.Path).ToList(), kinds),
        };
        return true;
    }

    private static bool IsDocument(string path) =>
        path.EndsWith(".json", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase)
        || path.EndsWith(".yml", StringComparison.OrdinalIgnoreCase);

    private static string? PlatformFromNames(List<string> paths, List<string?> kinds)
    {
        if (kinds.Contains("cloudstack") || paths.Any(p => Glob.IsMatch("**/{management-server.log*,cloud.log*,keepalived.conf}", p)))
        {
            return "cloudstack";
        }

        if (kinds.Contains("cloudpods") || paths.Any(p => p.Contains("yunion", StringComparison.Ordinal) || Glob.IsMatch("**/{host,region}.log*", p)))
        {
            return "cloudpods";
        }

        if (kinds.Contains("kubectl") || paths.Any(p => Glob.IsMatch("**/{kubelet,kube-apiserver,etcd}*", p)))
        {
            return "kubernetes";
        }

        return null;
    }
}
