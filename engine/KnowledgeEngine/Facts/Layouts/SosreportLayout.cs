using System.Globalization;

namespace KnowledgeEngine.Facts.Layouts;

/// <summary>sosreports: sos_commands/&lt;plugin&gt;/&lt;mangled command&gt;, copied files at their real paths, sos_reports/manifest.json.</summary>
internal sealed class SosreportLayout : BundleLayout
{
    public override string Name => "sosreport";
    public override string? Platform => "linux";

    public override bool Recognise(LayoutContext context) => context.Any("sos_commands/**") || context.Has("sos_reports/manifest.json");

    public override IReadOnlyList<string> Hosts(LayoutContext context)
    {
        foreach (var path in new[] { "sos_commands/host/hostname", "sos_commands/general/hostname", "hostname", "etc/hostname" })
        {
            var text = context.ReadSmall(path)?.Trim();
            if (!string.IsNullOrEmpty(text))
            {
                return [text.Split('\n')[0].Trim()];
            }
        }
        return [];
    }

    /// <summary>sos runs `date`; its output (in the host's zone, often UTC) is the collection time.</summary>
    public override DateTimeOffset? CollectedAt(LayoutContext context)
    {
        var text = context.ReadSmall("sos_commands/date/date")?.Trim().Split('\n')[0];
        if (text is null)
        {
            return null;
        }

        var collapsed = string.Join(' ', text.Split(' ', StringSplitOptions.RemoveEmptyEntries));
        var parts = collapsed.Split(' ');
        if (parts.Length == 6)
        {
            collapsed = string.Join(' ', parts[0], parts[1], parts[2], parts[3], parts[5]);
        }

        return DateTime.TryParseExact(collapsed, ["ddd MMM d HH:mm:ss yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at)
            ? new DateTimeOffset(at, TimeSpan.Zero)
            : DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed) ? parsed : null;
    }

    public override FileRole? RoleOf(string path) => path switch
    {
        "sos_reports/manifest.json" => FileRole.Config,
        _ when path.StartsWith("sos_reports/", StringComparison.Ordinal) || path.StartsWith("sos_logs/", StringComparison.Ordinal) => FileRole.InventoryOnly,
        _ when path.StartsWith("proc/", StringComparison.Ordinal) || path.StartsWith("sys/", StringComparison.Ordinal) => FileRole.Log,
        _ => null,
    };
}
