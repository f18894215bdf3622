using KnowledgeEngine.Tests.Rules;

namespace KnowledgeEngine.Tests.Reports;

/// <summary>kb diagnose opens a folder bundle while the rules load: a run that stops before the diagnosis still reports
/// what it reported when the bundle was opened after the rules, in the same order.</summary>
[Collection("Console")]
public sealed class DiagnoseOpeningTests
{
    private static readonly string Fires = KbRun.Bundle("cloudpods/host-mac-changed/fires");

    [Fact]
    public void Broken_rules_are_reported_for_a_folder_bundle_opened_meanwhile()
    {
        using var rules = BrokenRules();

        var (code, stdout, stderr) = KbRun.Run("diagnose", Fires, "--rules", rules.Path);

        Assert.Equal(1, code);
        Assert.Empty(stdout);
        Assert.Contains("urgent", stderr);
        Assert.Contains("kb diagnose: the rules have errors (above)", stderr);
    }

    [Fact]
    public void Broken_rules_come_before_a_bundle_that_cannot_be_opened()
    {
        using var rules = BrokenRules();
        var missing = Path.Combine(rules.Path, "no-such-bundle");

        var (code, _, stderr) = KbRun.Run("diagnose", missing, "--rules", rules.Path);

        Assert.Equal(1, code);
        Assert.Contains("kb diagnose: the rules have errors (above)", stderr);
        Assert.DoesNotContain("no-such-bundle", stderr);
    }

    [Fact]
    public void A_template_error_is_reported_for_a_folder_bundle_opened_meanwhile()
    {
        using var folder = new TempRules();
        var template = folder.Write("broken.sbn", "{{ for cause in causes }}");

        var (code, stdout, stderr) = KbRun.Run("diagnose", Fires, "--format", "markdown", "--template", template);

        Assert.Equal(1, code);
        Assert.Empty(stdout);
        Assert.StartsWith("kb diagnose: ", stderr);
        Assert.Contains("broken.sbn", stderr);
    }

    [Fact]
    public void Two_folder_bundles_opened_meanwhile_are_diagnosed_as_one()
    {
        var (code, stdout, stderr) = KbRun.Run("diagnose", Fires, KbRun.Bundle("cloudpods/host-mac-changed/fires"), "--format", "json");

        Assert.True(code == 0, stderr);
        Assert.Contains("\"cloudpods/host-mac-changed\"", stdout);
    }

    /// <summary>A --rules folder with one rule whose severity is not one kb knows.</summary>
    private static TempRules BrokenRules()
    {
        var rules = new TempRules();
        rules.Write("mine/bad.yaml", TempRules.Minimal("mine/bad").Replace("severity: high", "severity: urgent", StringComparison.Ordinal));
        return rules;
    }
}
