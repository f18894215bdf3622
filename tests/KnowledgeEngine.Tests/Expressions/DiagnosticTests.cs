using KnowledgeEngine.Rules;

namespace KnowledgeEngine.Tests.Expressions;

public class DiagnosticTests
{
    private static readonly SourceSpan At = new("rules/a.yaml", 3, 7, 3, 9);

    [Fact]
    public void SourceSpan_ToString_IsFileLineColumn() =>
        Assert.Equal("rules/a.yaml:3:7", At.ToString());

    [Fact]
    public void Diagnostic_ToString_EndsWithFix() =>
        Assert.Equal("rules/a.yaml:3:7: error KB104: bad — do this",
            new Diagnostic("KB104", DiagnosticSeverity.Error, At, "bad", "do this").ToString());

    [Fact]
    public void Diagnostic_WithoutFix_HasNoDash() =>
        Assert.Equal("rules/a.yaml:3:7: warning KB200: no examples",
            new Diagnostic("KB200", DiagnosticSeverity.Warning, At, "no examples", null).ToString());

    [Fact]
    public void DiagnosticBag_Items_AreSortedByFileLineColumn()
    {
        var bag = new DiagnosticBag();
        bag.Error("KB1", At with { File = "rules/z.yaml", Line = 1 }, "third");
        bag.Error("KB1", At with { Line = 9, Column = 1 }, "second");
        bag.Warning("KB1", At with { Line = 2, Column = 30 }, "first");

        Assert.Equal(["first", "second", "third"], bag.Items.Select(d => d.Message));
    }

    [Fact]
    public void DiagnosticBag_OnlyWarnings_HasNoErrors()
    {
        var bag = new DiagnosticBag();
        bag.Warning("KB200", At, "style");

        Assert.False(bag.HasErrors);
    }

    [Fact]
    public void DiagnosticBag_WithError_HasErrors()
    {
        var bag = new DiagnosticBag();
        bag.Error("KB101", At, "broken");

        Assert.True(bag.HasErrors);
    }
}
