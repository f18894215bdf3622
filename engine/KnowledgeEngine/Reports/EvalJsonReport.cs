using System.Text;
using System.Text.Json;
using KnowledgeEngine.Evaluation;

namespace KnowledgeEngine.Reports;

/// <summary>kb eval as JSON (schema <see cref="Schema"/>, documented in docs/accuracy.md): every case
/// with its verdicts and rankings, the totals overall and per platform, and the confusion table.</summary>
public static class EvalJsonReport
{
    public const string Schema = "kb.eval/v1";

    public static string Render(EvalReport report)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteString("schema", Schema);
            w.WriteStartArray("cases");
            foreach (var r in report.Results)
            {
                WriteCase(w, r);
            }

            w.WriteEndArray();
            w.WritePropertyName("totals");
            WriteTotals(w, report.Overall);
            w.WriteStartArray("platforms");
            foreach (var p in report.Platforms)
            {
                WriteTotals(w, p);
            }

            w.WriteEndArray();
            w.WriteStartArray("confusion");
            foreach (var c in report.Confusion)
            {
                w.WriteStartObject();
                w.WriteString("expected", c.Expected);
                w.WriteString("ranked_first", c.RankedFirst);
                w.WriteNumber("cases", c.Cases);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    private static void WriteCase(Utf8JsonWriter w, CaseResult r)
    {
        w.WriteStartObject();
        w.WriteString("id", r.Case.Id);
        w.WriteString("platform", r.Case.Platform);
        w.WriteString("source", r.Case.Source);
        w.WriteString("expect", r.Case.Expect ?? "none");
        w.WriteString("label_confidence", r.Case.LabelConfidence);
        w.WriteString("rules", Name(r.Rules));
        w.WriteString("retrieval", Name(r.Retrieval));
        w.WriteStartArray("causes");
        foreach (var c in r.Causes)
        {
            w.WriteStartObject();
            w.WriteString("rule", c.RuleId);
            w.WriteString("status", c.Status.ToString().ToLowerInvariant());
            w.WriteNumber("confidence", Math.Round(c.Confidence, 3));
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartArray("articles");
        foreach (var a in r.Articles)
        {
            w.WriteStartObject();
            w.WriteString("article", a.Path);
            w.WriteNumber("score", a.Score);
            w.WriteStartArray("rules");
            a.Rules.ToList().ForEach(w.WriteStringValue);
            w.WriteEndArray();
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WriteTotals(Utf8JsonWriter w, EvalTotals t)
    {
        w.WriteStartObject();
        w.WriteString("group", t.Group);
        w.WriteNumber("cases", t.Cases);
        w.WriteNumber("expecting_a_cause", t.Expecting);
        w.WriteNumber("expecting_none", t.ExpectingNone);
        WriteScore(w, "rules", t.Rules);
        WriteScore(w, "retrieval", t.Retrieval);
        w.WriteEndObject();
    }

    private static void WriteScore(Utf8JsonWriter w, string name, Score s)
    {
        w.WriteStartObject(name);
        w.WriteNumber("top1", s.Top1);
        w.WriteNumber("top3", s.Top3);
        w.WriteNumber("false_claims", s.FalseClaims);
        w.WriteEndObject();
    }

    /// <summary>The verdict as JSON spells it: hit, top3, miss, quiet, false_claim.</summary>
    public static string Name(Verdict verdict) => verdict switch
    {
        Verdict.Hit => "hit",
        Verdict.Top3 => "top3",
        Verdict.Miss => "miss",
        Verdict.Quiet => "quiet",
        _ => "false_claim",
    };
}
