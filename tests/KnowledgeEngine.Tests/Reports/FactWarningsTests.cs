using System.Text.Json;
using KnowledgeEngine.Tests.Rules;

namespace KnowledgeEngine.Tests.Reports;

/// <summary>Every warning of the facts layer (a repaired document, a line cut at 1 MiB) reaches every
/// kb diagnose format, with its file and line: kb facts printed them, kb diagnose dropped them.</summary>
[Collection("Console")]
public sealed class FactWarningsTests
{
    private const string Repair = "pods.yaml:7: warning KB203: not valid YAML";

    private static string DamagedBundle(TempRules folder)
    {
        folder.Write("b/pods.yaml", "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p1\n---\napiVersion: v1\nmetadata: {name: [p2\n");
        folder.Write("b/big.log", "start\n" + new string('x', 2 << 20) + "\nend\n");
        return Path.Combine(folder.Path, "b");
    }

    [Fact]
    public void Json_warnings_hold_the_repairs_and_cut_lines_with_file_and_line()
    {
        using var folder = new TempRules();

        var (code, stdout, stderr) = KbRun.Run("diagnose", DamagedBundle(folder), "--format", "json");

        Assert.True(code == 0, stderr);
        var warnings = JsonDocument.Parse(stdout).RootElement.GetProperty("warnings").EnumerateArray().Select(w => w.GetString()!).ToList();
        Assert.Contains(warnings, w => w.StartsWith(Repair, StringComparison.Ordinal));
        Assert.Contains(warnings, w => w.StartsWith("big.log:2: warning KB204: a line longer than 1 MiB", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("table")]
    [InlineData("markdown")]
    [InlineData("html")]
    public void Every_other_format_shows_them_too(string format)
    {
        using var folder = new TempRules();

        var (code, stdout, stderr) = KbRun.Run("diagnose", DamagedBundle(folder), "--format", format, "-o", Path.Combine(folder.Path, "report"));

        Assert.True(code == 0, stderr);
        var report = File.ReadAllText(Path.Combine(folder.Path, "report"));
        Assert.Contains(Repair, report);
        Assert.Contains("big.log:2", report);
        Assert.Equal("", stdout);
    }
}
