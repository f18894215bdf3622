using System.Text;
using System.Xml;
using System.Xml.Linq;
using KnowledgeEngine.Diagnosis.Examples;
using KnowledgeEngine.Evaluation;

namespace KnowledgeEngine.Reports;

/// <summary>JUnit XML for CI: <c>kb test</c>'s examples (a suite per rule, a case per example) and
/// <c>kb eval</c>'s real cases (a suite per platform, a case per real case). UTF-8 without a byte
/// order mark: some CI readers take the mark for content before the XML declaration.</summary>
public static class JUnitReport
{
    public static string Examples(IReadOnlyList<ExampleResult> results)
    {
        var suites = results.GroupBy(r => r.Id).Select(group => new XElement("testsuite",
            new XAttribute("name", group.Key),
            new XAttribute("tests", group.Count()),
            new XAttribute("failures", group.Count(r => r.Failed)),
            new XAttribute("skipped", group.Count(r => r.NotRun is not null)),
            group.Select(r => new XElement("testcase",
                new XAttribute("classname", r.Id),
                new XAttribute("name", r.Name),
                new XAttribute("file", r.Span.File),
                new XAttribute("line", r.Span.Line),
                r.NotRun is { } why ? new XElement("skipped", new XAttribute("message", why))
                : r.Passed ? null : new XElement("failure",
                    new XAttribute("message", r.Problems[0]),
                    string.Join("\n", r.Problems))))));
        return Text(new XElement("testsuites",
            new XAttribute("name", "kb test"),
            new XAttribute("tests", results.Count),
            new XAttribute("failures", results.Count(r => r.Failed)),
            new XAttribute("skipped", results.Count(r => r.NotRun is not null)),
            suites));
    }

    /// <summary>A real case fails when the rules miss its expected cause, rank it below first, or
    /// claim one where none is expected.</summary>
    public static string Eval(EvalReport report)
    {
        static bool Failed(CaseResult r) => r.Rules is Verdict.Miss or Verdict.FalseClaim or Verdict.Top3;
        var suites = report.Results.GroupBy(r => r.Case.Platform).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => new XElement("testsuite",
            new XAttribute("name", g.Key),
            new XAttribute("tests", g.Count()),
            new XAttribute("failures", g.Count(Failed)),
            g.Select(r => new XElement("testcase",
                new XAttribute("classname", $"real-cases.{r.Case.Platform}"),
                new XAttribute("name", r.Case.Id),
                new XAttribute("file", r.Case.File),
                Failed(r) ? new XElement("failure",
                    new XAttribute("message", $"expected {r.Case.Expect ?? "no cause"}, ranked first: {r.RankedFirst ?? "no cause"} ({EvalJsonReport.Name(r.Rules)})"),
                    string.Join("\n", r.Causes.Select(c => $"{c.RuleId} {c.Status} {c.Confidence:0.00}"))) : null))));
        return Text(new XElement("testsuites",
            new XAttribute("name", "kb eval"),
            new XAttribute("tests", report.Results.Count),
            new XAttribute("failures", report.Results.Count(Failed)),
            suites));
    }

    private static string Text(XElement root)
    {
        using var stream = new MemoryStream();
        using (var writer = XmlWriter.Create(stream, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true }))
        {
            new XDocument(root).Save(writer);
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }
}
