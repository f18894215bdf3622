using System.Text;
using KnowledgeEngine.Facts;

namespace KnowledgeEngine.Retrieval;

/// <summary>
/// A bundle as one query text for retrieval: every distinct log message (warnings and errors first, so a
/// large bundle keeps its failures within the cap), every configuration setting and every API object, as
/// read by the ordinary scan with nothing filtered out but the bundle.yaml manifest.
/// </summary>
internal static class BundleText
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
                LogFact log => (WithFields(log), log.Level is "warning" or "error" or "fatal"),
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

    /// <summary>
    /// A record's message and the text of its structured fields: a JSON, klog or zap record says part of what
    /// happened in its fields ("error": "... tls: internal error"), which its message no longer holds. Fields
    /// that every record has (time, level, the message itself, thread and process ids) add nothing.
    /// </summary>
    private static string WithFields(LogFact log)
    {
        if (log.Fields.Count == 0)
        {
            return log.Message;
        }

        var text = new StringBuilder(log.Message);
        foreach (var (key, value) in log.Fields)
        {
            if (key is not ("ts" or "time" or "timestamp" or "@timestamp" or "msg" or "message" or "MESSAGE" or "level" or "lvl"
                or "severity" or "caller" or "thread" or "pid" or "logid" or "stream"))
            {
                text.Append(' ').Append(value);
            }
        }
        return text.ToString();
    }
}
