using KnowledgeEngine.Facts.Bundles;

namespace KnowledgeEngine.Facts.Layouts;

/// <summary>Recognises the bundle's layout (collector markers first) and fills the bundle fact.</summary>
internal static class LayoutRegistry
{
    public static BundleLayout Recognise(LayoutContext context)
    {
        BundleLayout[] layouts = [new HarvesterLayout(), new TalosLayout(), new SosreportLayout(), new MustGatherLayout()];
        return layouts.FirstOrDefault(l => l.Recognise(context)) ?? Plain(context);
    }

    private static PlainLayout Plain(LayoutContext context)
    {
        var plain = new PlainLayout();
        plain.Recognise(context);
        return plain;
    }

    public static BundleFact Describe(string source, BundleLayout layout, LayoutContext context, BundleManifest? manifest)
    {
        var hosts = manifest?.Hosts is { Count: > 0 } declared ? declared : layout.Hosts(context);
        var collected = manifest?.CollectedAt ?? layout.CollectedAt(context) ?? Newest(context.Entries);
        return new BundleFact
        {
            Source = source,
            Layout = manifest?.Layout ?? layout.Name,
            Platform = manifest?.Platform ?? layout.Platform,
            Hosts = hosts,
            CollectedAt = collected,
            TimeZone = manifest?.TimeZone ?? TimeSpan.Zero,
        };
    }

    /// <summary>Without a recorded time, the newest file is the best bound on when the bundle was taken.</summary>
    private static DateTimeOffset? Newest(IReadOnlyList<BundleEntry> entries) =>
        entries.Where(e => e.Modified is not null).Select(e => e.Modified!.Value).DefaultIfEmpty().Max() is var newest && newest != default
            ? newest
            : null;
}
