namespace KnowledgeEngine.Facts.Layouts;

/// <summary>talosctl support archives: &lt;node&gt;/dmesg.log, &lt;node&gt;/service-logs/, &lt;node&gt;/resources/, kubernetesResources/.</summary>
internal sealed class TalosLayout : BundleLayout
{
    public override string Name => "talos";
    public override string? Platform => "talos";

    public override bool Recognise(LayoutContext context) =>
        context.Any("*/service-logs/*") && (context.Any("*/dmesg.log") || context.Any("kubernetesResources/*") || context.Any("*/resources/*"));

    public override IReadOnlyList<string> Hosts(LayoutContext context) =>
        context.Entries.Select(e => e.Path).Where(p => Glob.IsMatch("*/service-logs/*", p) || Glob.IsMatch("*/dmesg.log", p))
            .Select(FirstSegment).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();

    public override string? HostOf(string path, IReadOnlyList<string> hosts)
    {
        var first = FirstSegment(path);
        return hosts.Contains(first) ? first : null;
    }

    public override FileRole? RoleOf(string path) => path switch
    {
        _ when Glob.IsMatch("*/resources/*.yaml", path) || path.StartsWith("kubernetesResources/", StringComparison.Ordinal) => FileRole.Resource,
        _ when path.EndsWith(".state", StringComparison.Ordinal) => FileRole.Config,
        _ => null,
    };
}
