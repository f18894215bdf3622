using KnowledgeEngine.Facts.Bundles;

namespace KnowledgeEngine.Facts.Layouts;

/// <summary>Cheap looks at the head of a JSON/YAML file to tell whose output it is, before any full parse.</summary>
internal static class ContentProbe
{
    private const int HeadLength = 4096;

    /// <summary>"kubectl", "cloudstack", "cloudpods" or null.</summary>
    public static string? DocumentFamily(BundleEntry entry)
    {
        var head = Head(entry);
        if (head is null)
        {
            return null;
        }

        if (head.Contains("response\"", StringComparison.OrdinalIgnoreCase) && head.Contains("\"count\"", StringComparison.Ordinal)
            || head.Contains("\"redundantstate\"", StringComparison.Ordinal) || head.Contains("\"zoneid\"", StringComparison.Ordinal))
        {
            return "cloudstack";
        }

        if (head.Contains("apiVersion", StringComparison.Ordinal) && head.Contains("kind", StringComparison.Ordinal))
        {
            return "kubectl";
        }

        if ((head.Contains("\"data\"", StringComparison.Ordinal) && head.Contains("\"total\"", StringComparison.Ordinal))
            || entry.FileName.StartsWith("climc", StringComparison.OrdinalIgnoreCase))
        {
            return "cloudpods";
        }

        return null;
    }

    public static string? Head(BundleEntry entry)
    {
        try
        {
            var bytes = ContentSniffer.ReadDecoded(entry.PhysicalPath, entry.Encoding, HeadLength);
            return System.Text.Encoding.UTF8.GetString(bytes);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            return null;
        }
    }
}
