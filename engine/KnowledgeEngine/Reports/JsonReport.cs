using System.Text;
using System.Text.Json;
using KnowledgeEngine.Reports.Model;

namespace KnowledgeEngine.Reports;

/// <summary>The machine-readable diagnosis (schema <see cref="Schema"/>, documented in
/// docs/output.md). Field names and meanings only change with a new schema version.</summary>
internal static class JsonReport
{
    public const string Schema = "kb.diagnosis/v2";

    public static string Render(DiagnosisReportModel report)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteString("schema", Schema);
            w.WriteString("bundle", report.Bundle.Name);
            w.WriteString("platform", report.Bundle.DetectedPlatform);
            w.WriteStartArray("hosts");
            report.Bundle.Hosts.ToList().ForEach(w.WriteStringValue);
            w.WriteEndArray();
            if (report.Bundle.CollectedAtTime is { } at)
            {
                w.WriteString("collected_at", at);
            }
            else
            {
                w.WriteNull("collected_at");
            }

            w.WriteStartArray("causes");
            foreach (var cause in report.Causes)
            {
                WriteCause(w, cause, report.Explain);
            }

            w.WriteEndArray();
            w.WriteStartArray("symptoms");
            foreach (var s in report.Symptoms)
            {
                w.WriteStartObject();
                w.WriteString("rule", s.Rule);
                w.WriteString("title", s.Title);
                WriteEvidence(w, s.Evidence);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartArray("distinctions");
            foreach (var d in report.Distinctions)
            {
                w.WriteStartObject();
                w.WriteString("first", d.First);
                w.WriteString("second", d.Second);
                w.WriteStartArray("collect");
                d.Collect.ToList().ForEach(w.WriteStringValue);
                w.WriteEndArray();
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartArray("not_confirmed");
            foreach (var n in report.NotConfirmed)
            {
                w.WriteStartObject();
                w.WriteString("rule", n.Rule);
                w.WriteString("title", n.Title);
                w.WriteString("missing", n.Missing);
                w.WriteString("missing_at", n.MissingAt);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartArray("related_articles");
            foreach (var a in report.Related)
            {
                w.WriteStartObject();
                w.WriteString("article", a.Path);
                w.WriteString("title", a.Title);
                w.WriteNumber("score", a.Score);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartArray("warnings");
            report.Bundle.Warnings.ToList().ForEach(w.WriteStringValue);
            w.WriteEndArray();
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    private static void WriteCause(Utf8JsonWriter w, CauseView c, bool explain)
    {
        w.WriteStartObject();
        w.WriteNumber("rank", c.Rank);
        w.WriteString("rule", c.Rule.Id);
        w.WriteString("title", c.Rule.Title);
        w.WriteString("severity", c.Rule.Severity);
        w.WriteString("status", c.Status);
        w.WriteNumber("confidence", c.Confidence);
        w.WriteNumber("rank_score", c.RankScore);
        w.WriteNumber("repeats", c.Repeats);
        if (c.FirstSeenTime is { } first)
        {
            w.WriteString("first_seen", first);
        }
        else
        {
            w.WriteNull("first_seen");
        }

        if (c.LastSeenTime is { } last)
        {
            w.WriteString("last_seen", last);
        }
        else
        {
            w.WriteNull("last_seen");
        }

        w.WriteNumber("prior", c.Rule.Prior);
        w.WriteString("summary", c.Rule.Summary);
        w.WriteString("knowledge", c.Rule.Knowledge);
        w.WriteStartArray("confidence_steps");
        foreach (var step in c.Steps)
        {
            w.WriteStartObject();
            w.WriteString("reason", step.Reason);
            w.WriteNumber("weight", step.Weight);
            w.WriteNumber("before", step.Before);
            w.WriteNumber("after", step.After);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        WriteEvidence(w, c.Evidence);
        w.WriteStartArray("missing");
        foreach (var m in c.Missing)
        {
            w.WriteStartObject();
            w.WriteString("description", m.Description);
            w.WriteNumber("weight", m.Weight);
            w.WriteString("collect", m.Collect);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartArray("unmet");
        foreach (var u in c.Unmet)
        {
            w.WriteStartObject();
            w.WriteString("description", u.Description);
            w.WriteString("at", u.Location);
            w.WriteBoolean("source_collected", u.SourceCollected);
            w.WriteString("collect", u.Collect);
            w.WriteString("via", u.Via);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        if (explain)
        {
            w.WriteStartArray("conditions");
            foreach (var condition in c.Conditions)
            {
                w.WriteStartObject();
                w.WriteString("description", condition.Description);
                w.WriteString("at", condition.Location);
                w.WriteBoolean("signature", condition.Signature);
                w.WriteString("matched", condition.Matched);
                w.WriteEndObject();
            }

            w.WriteEndArray();
        }

        w.WriteStartArray("dropped_joins");
        c.DroppedJoins.ToList().ForEach(w.WriteStringValue);
        w.WriteEndArray();
        w.WriteStartObject("values");
        foreach (var v in c.Values)
        {
            w.WriteString(v.Name, v.Value);
        }

        w.WriteEndObject();
        w.WriteStartArray("fix");
        c.Fix.ToList().ForEach(w.WriteStringValue);
        w.WriteEndArray();
        w.WriteStartArray("verify");
        c.Verify.ToList().ForEach(w.WriteStringValue);
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WriteEvidence(Utf8JsonWriter w, IEnumerable<EvidenceView> lines)
    {
        w.WriteStartArray("evidence");
        foreach (var e in lines)
        {
            w.WriteStartObject();
            w.WriteString("role", e.Role);
            w.WriteString("name", e.Name);
            w.WriteString("location", e.Location);
            w.WriteString("text", e.Text);
            if (e.MatchLength > 0)
            {
                w.WriteStartObject("match");
                w.WriteNumber("start", e.MatchStart);
                w.WriteNumber("length", e.MatchLength);
                w.WriteEndObject();
            }
            else
            {
                w.WriteNull("match");
            }

            w.WriteString("record", e.Record);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }
}
