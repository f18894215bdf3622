using KnowledgeEngine.Cli.Rendering;
using KnowledgeEngine.Diagnosis;
using KnowledgeEngine.Facts;
using KnowledgeEngine.Reports;
using KnowledgeEngine.Rules;
using KnowledgeEngine.Runbooks;

namespace KnowledgeEngine.Tests.Reports;

/// <summary>One table, one runbook and one HTML page, byte for byte. The input is a frozen copy
/// of the MAC-change rule and article (Golden/kb) over the shipped example bundle, so the goldens
/// change only when the renderers do. Update: KB_UPDATE_GOLDEN=1 dotnet test.</summary>
public sealed class GoldenTests
{
    private static readonly string Kb = Path.Combine(Golden.Folder, "kb");
    private static readonly RuleSet Rules = RuleSet.Load(Path.Combine(Kb, "rules"), Kb);
    private static readonly ArticleLibrary Articles = ArticleLibrary.Load(Path.Combine(Kb, "knowledge"));

    private static DiagnosisResult Diagnose()
    {
        using var bundle = Bundle.Open(KbRun.Bundle("cloudpods/host-mac-changed/fires"));
        return Diagnoser.Diagnose(Rules, bundle);
    }

    [Fact]
    public void Table_MacChangedBundle_MatchesGoldenAndRepeats()
    {
        // Arrange
        var result = Diagnose();

        // Act
        string Render()
        {
            using var writer = new StringWriter();
            DiagnosisTable.Write(PlainConsole.Create(writer, 100), result, explain: true);
            return writer.ToString();
        }

        var first = Render();

        // Assert
        Assert.Equal(first, Render());
        Golden.Verify("diagnosis-table.txt", first);
    }

    [Fact]
    public void RuleRunbook_MacChanged_MatchesGoldenAndRepeats()
    {
        var rule = Assert.Single(Rules.Rules);

        var first = new RunbookRenderer(Articles).RenderRule(rule);

        Assert.Equal(first, new RunbookRenderer(Articles).RenderRule(rule));
        Golden.Verify("rule-runbook.md", first);
    }

    [Fact]
    public void DiagnosisHtml_MacChangedBundle_MatchesGoldenAndRepeats()
    {
        string Render() => HtmlPage.Render(new RunbookRenderer(Articles).RenderDiagnosis(Diagnose()), "Diagnosis of fires");

        var first = Render();

        Assert.Equal(first, Render());
        Golden.Verify("diagnosis.html", first);
    }
}
