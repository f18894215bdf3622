using System.Text;
using System.Text.Json;
using KnowledgeEngine.Diagnosis;

namespace KnowledgeEngine.Reports;

/// <summary>The machine-readable diagnosis (schema <see cref="Schema"/>, documented in
/// docs/output.md). Field names and meanings only change with a new schema version.</summary>
public static class JsonReport
{
    public const string Schema = "kb.diagnosis/v2";

    public static string Render(DiagnosisResult result)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteString("schema", Schema);
            w.WriteString("bundle", result.Bundle);
            w.WriteString("platform", result.Platform);
            w.WriteStartArray("hosts");
            result.Hosts.ToList().ForEach(w.WriteStringValue);
            w.WriteEndArray();
            if (result.CollectedAt is { } at) w.WriteString("collected_at", at);
            else w.WriteNull("collected_at");
            w.WriteStartArray("causes");
            var rank = 0;
            foreach (var h in result.Causes)
            {
                WriteCause(w, h, ++rank);
            }

            w.WriteEndArray();
            w.WriteStartArray("symptoms");
            foreach (var s in result.Symptoms)
            {
                w.WriteStartObject();
                w.WriteString("rule", s.Id);
                w.WriteString("title", s.Rule.Title);
                WriteEvidence(w, s.Facts.Select(f => EvidenceQuoter.Quote("when", f)));
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartArray("distinctions");
            foreach (var d in result.Distinctions)
            {
                w.WriteStartObject();
                w.WriteString("first", d.First);
                w.WriteString("second", d.Second);
                w.WriteStartArray("collect");
                d.Decisive.Select(m => m.Collect!).ToList().ForEach(w.WriteStringValue);
                w.WriteEndArray();
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartArray("not_confirmed");
            foreach (var n in result.NotConfirmed)
            {
                w.WriteStartObject();
                w.WriteString("rule", n.Rule.Id);
                w.WriteString("title", n.Rule.Title);
                w.WriteString("missing", n.Missing.Description);
                w.WriteString("missing_at", n.Missing.Location);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartArray("warnings");
            result.Warnings.ToList().ForEach(w.WriteStringValue);
            w.WriteEndArray();
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    private static void WriteCause(Utf8JsonWriter w, Hypothesis h, int rank)
    {
        w.WriteStartObject();
        w.WriteNumber("rank", rank);
        w.WriteString("rule", h.RuleId);
        w.WriteString("title", h.Title);
        w.WriteString("severity", h.Severity.ToString().ToLowerInvariant());
        w.WriteString("status", h.Status == KnowledgeEngine.Rules.CauseStatus.Suspected ? "suspected" : "confirmed");
        w.WriteNumber("confidence", Math.Round(h.Confidence, 4));
        w.WriteNumber("rank_score", Math.Round(h.RankScore, 4));
        w.WriteNumber("repeats", h.Repeats);
        if (h.FirstSeen is { } first) w.WriteString("first_seen", first);
        else w.WriteNull("first_seen");
        if (h.LastSeen is { } last) w.WriteString("last_seen", last);
        else w.WriteNull("last_seen");
        w.WriteNumber("prior", h.Prior);
        w.WriteString("summary", h.Summary);
        w.WriteString("knowledge", h.Rule.Knowledge);
        w.WriteStartArray("confidence_steps");
        foreach (var step in h.Steps)
        {
            w.WriteStartObject();
            w.WriteString("reason", step.Reason);
            w.WriteNumber("weight", step.Weight);
            w.WriteNumber("before", Math.Round(step.Before, 4));
            w.WriteNumber("after", Math.Round(step.After, 4));
            w.WriteEndObject();
        }

        w.WriteEndArray();
        WriteEvidence(w, h.Evidence);
        w.WriteStartArray("missing");
        foreach (var m in h.Missing)
        {
            w.WriteStartObject();
            w.WriteString("description", m.Description);
            w.WriteNumber("weight", m.Weight);
            w.WriteString("collect", m.Collect);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartArray("unmet");
        foreach (var u in h.Fired.Unmet)
        {
            w.WriteStartObject();
            w.WriteString("description", u.Condition.Description);
            w.WriteString("at", u.Condition.Location);
            w.WriteBoolean("source_collected", u.SourceCollected);
            w.WriteString("collect", u.Collect);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartArray("dropped_joins");
        h.Fired.DroppedJoins.ToList().ForEach(w.WriteStringValue);
        w.WriteEndArray();
        w.WriteStartObject("values");
        foreach (var (key, value) in h.Fired.Values.OrderBy(v => v.Key, StringComparer.Ordinal))
        {
            w.WriteString(key, value);
        }

        w.WriteEndObject();
        w.WriteStartArray("fix");
        h.Fired.Fix.ToList().ForEach(w.WriteStringValue);
        w.WriteEndArray();
        w.WriteStartArray("verify");
        h.Fired.Verify.ToList().ForEach(w.WriteStringValue);
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WriteEvidence(Utf8JsonWriter w, IEnumerable<EvidenceLine> lines)
    {
        w.WriteStartArray("evidence");
        foreach (var e in lines)
        {
            w.WriteStartObject();
            w.WriteString("role", e.Role);
            w.WriteString("name", e.Name);
            w.WriteString("location", e.Location);
            w.WriteString("text", e.Text);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }
}
