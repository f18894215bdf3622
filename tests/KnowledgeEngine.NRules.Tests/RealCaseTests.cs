using KnowledgeEngine.Diagnosis;
using KnowledgeEngine.Facts.Cases;
using KnowledgeEngine.Reports;

namespace KnowledgeEngine.NRules.Tests;

/// <summary>Every real case (tests/real-cases) diagnosed by both engines: the JSON reports, plain
/// and with --explain's derivations, must be the same bytes.</summary>
public class RealCaseTests
{
    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var file in RealCaseReader.FilesIn(Path.Combine(Repository.Root, "tests", "real-cases")))
        {
            data.Add(Path.GetFileName(file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Both_engines_write_the_same_report(string file)
    {
        var realCase = RealCaseReader.Read(Path.Combine(Repository.Root, "tests", "real-cases", file));

        // One bundle for both: a case's files are laid out afresh each time it opens, and a case
        // without a collection time is dated by them.
        using var opened = CaseBundle.Open(realCase);
        var ours = Diagnoser.Diagnose(Repository.Ours, opened.Bundle);
        var nrules = Diagnoser.Diagnose(Repository.OnNRules, opened.Bundle);

        foreach (var explain in new[] { false, true })
        {
            Assert.Equal(DiagnosisReport.Of(ours, explain: explain).ToJson(), DiagnosisReport.Of(nrules, explain: explain).ToJson());
        }
    }
}
