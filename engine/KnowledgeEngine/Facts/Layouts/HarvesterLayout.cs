using System.Globalization;

namespace KnowledgeEngine.Facts.Layouts;

/// <summary>rancher/support-bundle-kit bundles: metadata.yaml, yamls/, logs/, nodes/&lt;node&gt;.zip.</summary>
internal sealed class HarvesterLayout : BundleLayout
{
    public override string Name => "harvester";
    public override string? Platform => "harvester";

    public override bool Recognise(LayoutContext context) =>
        context.Has("metadata.yaml") && (context.Any("yamls/**") || context.Any("nodes/*.zip") || context.Any("logs/**"));

    public override IReadOnlyList<string> Hosts(LayoutContext context) =>
        context.Entries.Where(e => Glob.IsMatch("nodes/*.zip", e.Path))
            .Select(e => e.Path[6..^4]).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();

    public override DateTimeOffset? CollectedAt(LayoutContext context)
    {
        var metadata = context.ReadSmall("metadata.yaml");
        var line = metadata?.Split('\n').FirstOrDefault(l => l.TrimStart().StartsWith("bundleCreatedAt:", StringComparison.Ordinal));
        if (line is null)
        {
            return null;
        }

        var value = line[(line.IndexOf(':') + 1)..].Trim().Trim('"', '\'');
        return DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) ? at : null;
    }

    public override string? HostOf(string path, IReadOnlyList<string> hosts)
    {
        if (!path.StartsWith("nodes/", StringComparison.Ordinal))
        {
            return null;
        }

        var host = FirstSegment(path[6..]);
        return hosts.Contains(host) ? host : null;
    }

    public override FileRole? RoleOf(string path) => path switch
    {
        _ when path.StartsWith("yamls/", StringComparison.Ordinal) => FileRole.Resource,
        "metadata.yaml" => FileRole.Config,
        _ when Glob.IsMatch("nodes/*/configs/**", path) => FileRole.Config,
        _ => null,
    };
}
