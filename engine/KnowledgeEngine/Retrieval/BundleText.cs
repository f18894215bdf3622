using System.Text;
using KnowledgeEngine.Facts;

namespace KnowledgeEngine.Retrieval;

/// <summary>
/// A bundle as one query text for retrieval: every distinct log message (warnings and errors first, so a
/// large bundle keeps its failures within the cap), every configuration setting and every API object, as
/// read by the ordinary scan with nothing filtered out but the bundle.yaml manifest.
/// </summary>
public static class BundleText
{
    /// <summary>How many characters of a bundle a query takes; past it the quieter records are dropped.</summary>
    public const int MaxChars = 2_000_000;

    public static string Read(Bundle bundle)
    {
        var loud = new StringBuilder();
        var rest = new StringBuilder();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        // bundle.yaml says what the collector did not record (the platform's name among it): not what the system said.
        foreach (var fact in bundle.Scan(ScanPlan.KeepAll).Where(f => f.Source != Facts.Layouts.BundleManifest.FileName))
        {
            var (text, isLoud) = fact switch
            {
                LogFact log => (log.Message, log.Level is "warning" or "error" or "fatal"),
                ConfigFact config => ($"{config.Key} {config.Value}", false),
                ResourceFact resource => ($"{resource.ResourceKind} {resource.Object.GetRawText()}", false),
                _ => (null, false),
            };
            var target = isLoud ? loud : rest;
            if (text is not null && target.Length < MaxChars && seen.Add(text))
            {
                target.Append(text).Append('\n');
            }
            else if (loud.Length >= MaxChars)
            {
                break; // the query is full of failures already; the rest of the bundle cannot get in
            }
        }

        var all = loud.Append(rest);
        return all.Length > MaxChars ? all.ToString(0, MaxChars) : all.ToString();
    }
}
