using System.Xml.Linq;
using KnowledgeEngine.Diagnosis.Examples;

namespace KnowledgeEngine.Cli.Commands;

/// <summary>Writes example results as JUnit XML: one test suite per rule, one test case per example.</summary>
internal static class JUnitWriter
{
    public static void Write(string path, IReadOnlyList<ExampleResult> results)
    {
        var suites = results.GroupBy(r => r.Id).Select(group => new XElement("testsuite",
            new XAttribute("name", group.Key),
            new XAttribute("tests", group.Count()),
            new XAttribute("failures", group.Count(r => !r.Passed)),
            group.Select(r => new XElement("testcase",
                new XAttribute("classname", r.Id),
                new XAttribute("name", r.Name),
                new XAttribute("file", r.Example.Span.File),
                new XAttribute("line", r.Example.Span.Line),
                r.Passed ? null : new XElement("failure",
                    new XAttribute("message", r.Problems[0]),
                    string.Join("\n", r.Problems))))));
        var document = new XDocument(new XElement("testsuites",
            new XAttribute("name", "kb test"),
            new XAttribute("tests", results.Count),
            new XAttribute("failures", results.Count(r => !r.Passed)),
            suites));
        JUnitFile.Save(path, document);
    }
}
