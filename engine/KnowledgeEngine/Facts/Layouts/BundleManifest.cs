using System.Globalization;
using KnowledgeEngine.Facts.Configs;

namespace KnowledgeEngine.Facts.Layouts;

/// <summary>
/// An optional bundle.yaml at the top of a bundle, for what no collector records:
/// layout, platform, hosts, collected_at, time_zone (e.g. "+08:00"); camelCase spellings are accepted too.
/// </summary>
internal sealed record BundleManifest(string? Layout, string? Platform, IReadOnlyList<string> Hosts, DateTimeOffset? CollectedAt, TimeSpan? TimeZone)
{
    public const string FileName = "bundle.yaml";

    public static BundleManifest? Read(LayoutContext context, List<Diagnostic> diagnostics)
    {
        var text = context.ReadSmall(FileName);
        if (text is null)
        {
            return null;
        }

        var values = new List<(string Key, string Value)>();
        if (!YamlConfig.Flatten(text, (key, value, _) => values.Add((key, value))))
        {
            diagnostics.Add(BundleCodes.Warning(BundleCodes.Manifest, SourceSpan.OfFile(FileName),
                "not valid YAML; the manifest was ignored", "fix its syntax (see docs/facts.md)"));
            return null;
        }
        string? Get(string key) => values.FirstOrDefault(v => v.Key == key).Value is { Length: > 0 } v ? v : null;
        var hosts = values.Where(v => v.Key.StartsWith("hosts[", StringComparison.Ordinal)).Select(v => v.Value).ToList();
        DateTimeOffset? collected = null;
        // snake_case is the project's spelling (the rule language says collected_at); camelCase is accepted too.
        var collectedKey = Get("collected_at") is not null ? "collected_at" : "collectedAt";
        if (Get(collectedKey) is { } at)
        {
            if (DateTimeOffset.TryParse(at, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
            {
                collected = parsed;
            }
            else
            {
                diagnostics.Add(BundleCodes.Warning(BundleCodes.Manifest, SourceSpan.OfFile(FileName),
                    $"{collectedKey} '{at}' is not a date", "write it as 2024-01-31T12:00:00Z"));
            }
        }
        return new BundleManifest(Get("layout"), Get("platform"), hosts, collected, ParseZone(Get("time_zone") ?? Get("timeZone"), diagnostics));
    }

    private static TimeSpan? ParseZone(string? zone, List<Diagnostic> diagnostics)
    {
        if (zone is null)
        {
            return null;
        }

        if (zone is "UTC" or "Z" or "utc")
        {
            return TimeSpan.Zero;
        }

        var text = zone.StartsWith("UTC", StringComparison.OrdinalIgnoreCase) ? zone[3..] : zone;
        var sign = text.StartsWith('-') ? -1 : 1;
        if (TimeSpan.TryParseExact(text.TrimStart('+', '-'), ["hh\\:mm", "hhmm", "hh"], CultureInfo.InvariantCulture, out var offset))
        {
            return sign * offset;
        }

        diagnostics.Add(BundleCodes.Warning(BundleCodes.Manifest, SourceSpan.OfFile(FileName),
            $"timeZone '{zone}' is not an offset; zone-less timestamps are read as UTC", "write it as +08:00 or UTC"));
        return null;
    }
}
