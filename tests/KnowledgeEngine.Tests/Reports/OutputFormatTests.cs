using KnowledgeEngine.Tests.Rules;

namespace KnowledgeEngine.Tests.Reports;

/// <summary>kb diagnose --format markdown|html and -o, and kb runbook for one rule.</summary>
[Collection("Console")]
public sealed class OutputFormatTests
{
    private static readonly string Fires = KbRun.Bundle("cloudpods/host-mac-changed/fires");

    [Fact]
    public void Diagnose_Markdown_IsTheRunbookWithCapturedValues()
    {
        var (code, stdout, stderr) = KbRun.Run("diagnose", Fires, "--format", "markdown");

        Assert.True(code == 0, stderr);
        Assert.StartsWith("# Diagnosis of fires\n", stdout);
        Assert.Contains("1. `climc host-remove-netif 5f0c2a7e-3b1d-4c8e-9a61-2d7f4b8e0c17 0c:c4:7a:5e:12:3a`", stdout);
        Assert.Matches(@"`control/logs/onecloud/default-host-x9k2p/host\.log:32`: `….*`\*\*`duplicate manager_uri", stdout);
        Assert.DoesNotContain("{{", stdout);
    }

    [Fact]
    public void Diagnose_HtmlToFile_WritesOneSelfContainedPage()
    {
        using var folder = new TempRules();
        var file = Path.Combine(folder.Path, "out", "report.html");

        var (code, stdout, stderr) = KbRun.Run("diagnose", Fires, "--format", "html", "-o", file);

        Assert.True(code == 0, stderr);
        Assert.Empty(stdout);
        var html = File.ReadAllText(file);
        Assert.StartsWith("<!DOCTYPE html>", html);
        Assert.Contains("<style>", html);
        Assert.Contains("host-remove-netif 5f0c2a7e-3b1d-4c8e-9a61-2d7f4b8e0c17 0c:c4:7a:5e:12:3a", html);
        Assert.DoesNotContain("<script", html);
    }

    [Fact]
    public void Diagnose_TableToFile_HasNoEscapeCodes()
    {
        using var folder = new TempRules();
        var file = Path.Combine(folder.Path, "table.txt");

        var (code, _, stderr) = KbRun.Run("diagnose", Fires, "-o", file);

        Assert.True(code == 0, stderr);
        var text = File.ReadAllText(file);
        Assert.Contains("cloudpods/host-mac-changed", text);
        Assert.DoesNotContain("\u001b[", text);
    }

    [Fact]
    public void Diagnose_TemplateWithTable_IsAUsageError()
    {
        var (code, _, stderr) = KbRun.Run("diagnose", Fires, "--template", "mine.sbn");

        Assert.Equal(1, code);
        Assert.Contains("add --format markdown", stderr);
    }

    [Fact]
    public void Runbook_OneRule_PrintsTheGenericRunbook()
    {
        var (code, stdout, stderr) = KbRun.Run("runbook", "cloudpods/host-mac-changed");

        Assert.True(code == 0, stderr);
        Assert.Contains("1. `climc host-remove-netif <record.id> <shown.value>`", stdout);
        Assert.Contains("## Prevention\n\n- Before replacing a mainboard", stdout);
    }

    [Fact]
    public void Runbook_UnknownRule_ExitsOneAndSuggests()
    {
        var (code, _, stderr) = KbRun.Run("runbook", "cloudpods/host-mac-change");

        Assert.Equal(1, code);
        Assert.Contains("no rule 'cloudpods/host-mac-change' (did you mean cloudpods/host-mac-changed?)", stderr);
    }

    [Fact]
    public void Runbook_BundleWhereTheRuleDoesNotFire_ExitsOneAndSaysSo()
    {
        var (code, stdout, stderr) = KbRun.Run("runbook", "cloudpods/host-mac-changed", "--bundle", KbRun.Bundle("cloudpods/host-mac-changed/silent"));

        Assert.Equal(1, code);
        Assert.Empty(stdout);
        Assert.Contains("did not find its cause in silent", stderr);
    }

    [Fact]
    public void Runbook_AllWithoutOutput_IsAUsageError()
    {
        var (code, _, stderr) = KbRun.Run("runbook", "--all");

        Assert.Equal(1, code);
        Assert.Contains("give the folder with -o", stderr);
    }

    [Theory]
    [InlineData("report.html", "<!DOCTYPE html>", "html")]
    [InlineData("report.md", "# Diagnosis of fires", "markdown")]
    [InlineData("report.json", "{", "json")]
    public void Diagnose_OutputWithoutFormat_TakesTheFormatFromTheExtensionAndSaysSo(string name, string start, string format)
    {
        using var folder = new TempRules();
        var file = Path.Combine(folder.Path, name);

        var (code, _, stderr) = KbRun.Run("diagnose", Fires, "-o", file);

        Assert.True(code == 0, stderr);
        Assert.StartsWith(start, File.ReadAllText(file));
        Assert.Contains($"kb diagnose: writing {format} to '{file}', as its extension says", stderr);
    }

    [Fact]
    public void Diagnose_FormatGiven_WinsOverTheExtension()
    {
        using var folder = new TempRules();
        var file = Path.Combine(folder.Path, "report.html");

        var (code, _, stderr) = KbRun.Run("diagnose", Fires, "--format", "markdown", "-o", file);

        Assert.True(code == 0, stderr);
        Assert.StartsWith("# Diagnosis of fires", File.ReadAllText(file));
        Assert.DoesNotContain("as its extension says", stderr);
    }

    [Fact]
    public void Diagnose_FailOn_NamesEachCauseThatTriggeredExitTwo()
    {
        var (code, _, stderr) = KbRun.Run("diagnose", Fires, "--fail-on", "critical");

        Assert.Equal(2, code);
        Assert.Contains("kb diagnose: exit 2 (--fail-on critical): cloudpods/host-mac-changed (critical, confirmed)", stderr);
        Assert.DoesNotContain("cloudpods/host-offline", stderr);
    }

    [Fact]
    public void Diagnose_ExplainMarkdown_SaysHowEachCauseWasReached()
    {
        var (code, stdout, stderr) = KbRun.Run("diagnose", Fires, "--format", "markdown", "--explain");

        Assert.True(code == 0, stderr);
        Assert.Contains("### How it was reached", stdout);
        Assert.Contains("← control/logs/onecloud/default-host-x9k2p/host.log:32", stdout);
        Assert.Contains("rank score 0.925.", stdout);
        Assert.DoesNotContain("How it was reached", KbRun.Run("diagnose", Fires, "--format", "markdown").Stdout);
    }

    [Fact]
    public void Diagnose_ExplainJson_AddsEachCausesConditions()
    {
        var (code, stdout, stderr) = KbRun.Run("diagnose", Fires, "--format", "json", "--explain");

        Assert.True(code == 0, stderr);
        var conditions = System.Text.Json.JsonDocument.Parse(stdout).RootElement.GetProperty("causes")[0].GetProperty("conditions");
        Assert.Contains(conditions.EnumerateArray(), c => c.GetProperty("signature").GetBoolean()
                                                          && c.GetProperty("matched").GetString() == "control/logs/onecloud/default-host-x9k2p/host.log:32");
        Assert.False(System.Text.Json.JsonDocument.Parse(KbRun.Run("diagnose", Fires, "--format", "json").Stdout)
            .RootElement.GetProperty("causes")[0].TryGetProperty("conditions", out _));
    }

    [Fact]
    public void Diagnose_TableIntoAPipe_KeepsEveryLineWholeAndPlain()
    {
        var (code, stdout, stderr) = KbRun.Run("diagnose", Fires);

        Assert.True(code == 0, stderr);
        Assert.Contains("     3. Check /etc/yunion/host.conf: the networks: entry must name the interface that now carries 10.20.30.17.\n", stdout);
        Assert.Contains("   The MAC of the host's management interface changed while region still holds the old MAC, so the new registration collides on manager_uri.\n", stdout);
        Assert.DoesNotContain("\u001b", stdout);
    }

    [Fact]
    public void Diagnose_Width_WrapsTheTableButNeverAFixStep()
    {
        var (code, stdout, stderr) = KbRun.Run("diagnose", Fires, "--width", "60");

        Assert.True(code == 0, stderr);
        var lines = stdout.Split('\n');
        Assert.All(lines.Where(l => l.StartsWith('│') || l.StartsWith('╭')), l => Assert.True(l.Length <= 60, l));
        Assert.Contains("     3. Check /etc/yunion/host.conf: the networks: entry must name the interface that now carries 10.20.30.17.", lines);
    }

    [Fact]
    public void Diagnose_WidthBelowForty_IsRefused()
    {
        var (code, _, stderr) = KbRun.Run("diagnose", Fires, "--width", "10");

        Assert.Equal(1, code);
        Assert.Contains("--width must be at least 40 columns.", stderr);
    }

    [Fact]
    public void Diagnose_Table_TopEvidenceShowsWhatTheRuleMatched()
    {
        var (code, stdout, stderr) = KbRun.Run("diagnose", Fires);

        Assert.True(code == 0, stderr);
        var row = stdout.Split('\n').First(l => l.Contains("cloudpods/host-mac-changed", StringComparison.Ordinal) && l.StartsWith('│'));
        Assert.Contains("duplicate manager_uri https://10.20.30.17:8885", row);
    }

    [Fact]
    public void Diagnose_Markdown_EvidenceBoldsTheMatchedText()
    {
        var (code, stdout, stderr) = KbRun.Run("diagnose", Fires, "--format", "markdown");

        Assert.True(code == 0, stderr);
        Assert.Contains("**`duplicate manager_uri https://10.20.30.17:8885`**", stdout);
        Assert.Contains("**`Master MAC: b4:96:91:2c:7e:10`**", stdout);
    }

    [Fact]
    public void Diagnose_ExplainTable_PrintsTheWholeRecordOfACutQuote()
    {
        var (code, stdout, stderr) = KbRun.Run("diagnose", Fires, "--explain");

        Assert.True(code == 0, stderr);
        Assert.Contains("   record control/logs/onecloud/default-host-x9k2p/host.log:32\n     [error 2026-03-14 09:08:22 hostinfo.(*SHostInfo).onFail(hostinfo.go:1046)] register failed:", stdout);
        Assert.DoesNotContain("   record", KbRun.Run("diagnose", Fires).Stdout);
    }
}
