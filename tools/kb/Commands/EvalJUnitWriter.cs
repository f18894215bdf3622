using System.Xml.Linq;
using KnowledgeEngine.Evaluation;
using KnowledgeEngine.Reports;

namespace KnowledgeEngine.Cli.Commands;

/// <summary>kb eval as JUnit XML: one test suite per platform, one test case per real case, failed
/// when the rules miss its expected cause or claim one where none is expected.</summary>
internal static class EvalJUnitWriter
{
    public static void Write(string path, EvalReport report)
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
        var document = new XDocument(new XElement("testsuites",
            new XAttribute("name", "kb eval"),
            new XAttribute("tests", report.Results.Count),
            new XAttribute("failures", report.Results.Count(Failed)),
            suites));
        JUnitFile.Save(path, document);
    }
}
