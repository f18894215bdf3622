using KnowledgeEngine.Rules;
using KnowledgeEngine.Tests.Reports;
using KnowledgeEngine.Tests.Rules;

namespace KnowledgeEngine.Tests.Runbooks;

/// <summary>Users' own templates through `kb runbook --template` and `kb diagnose --template`.</summary>
[Collection("Console")]
public sealed class RunbookTemplateTests
{
    private const string Rule = "cloudpods/host-mac-changed";

    [Fact]
    public void Template_OwnFile_SeesTheRuleWithPlaceholdersUnfilled()
    {
        using var folder = new TempRules();
        var template = folder.Write("mine.sbn", "{{ rule.id }}|{{ rule.fix[0] }}|{{ article.title }}");

        var (code, stdout, stderr) = KbRun.Run("runbook", Rule, "--template", template);

        Assert.True(code == 0, stderr);
        Assert.Equal("cloudpods/host-mac-changed|climc host-remove-netif <record.id> <shown.value>|Host cannot re-register after its NIC MAC address changed\n", stdout);
    }

    [Fact]
    public void Template_OwnFileWithBundle_SeesTheCapturedValues()
    {
        using var folder = new TempRules();
        var template = folder.Write("mine.sbn", "{{ for c in causes }}{{ c.rank }} {{ c.fix[0] }}{{ end }}");

        var (code, stdout, stderr) = KbRun.Run("runbook", Rule, "--bundle", KbRun.Bundle("cloudpods/host-mac-changed/fires"), "--template", template);

        Assert.True(code == 0, stderr);
        Assert.Equal("1 climc host-remove-netif 5f0c2a7e-3b1d-4c8e-9a61-2d7f4b8e0c17 0c:c4:7a:5e:12:3a\n", stdout);
    }

    [Fact]
    public void Template_SyntaxError_ReportsFileLineColumnWithoutAStackTrace()
    {
        using var folder = new TempRules();
        var template = folder.Write("broken.sbn", "# {{ rule.title }}\n\n{{ for x in rule.fix }}\n- {{ x }}\n");

        var (code, stdout, stderr) = KbRun.Run("runbook", Rule, "--template", template);

        Assert.Equal(1, code);
        Assert.Empty(stdout);
        Assert.Matches(@"kb runbook: .*broken\.sbn:4:\d+: .*end", stderr);
        Assert.DoesNotContain("   at ", stderr);
    }

    [Fact]
    public void Template_UnknownMember_IsAnErrorAtItsPosition()
    {
        using var folder = new TempRules();
        var template = folder.Write("typo.sbn", "ok\n  {{ rule.titel }}\n");

        var (code, _, stderr) = KbRun.Run("runbook", Rule, "--template", template);

        Assert.Equal(1, code);
        Assert.Matches(@"typo\.sbn:2:\d+: .*titel", stderr);
        Assert.DoesNotContain("   at ", stderr);
    }

    [Fact]
    public void Template_UnknownVariable_IsAnErrorAtItsPosition()
    {
        using var folder = new TempRules();
        var template = folder.Write("var.sbn", "{{ rules.id }}");

        var (code, _, stderr) = KbRun.Run("diagnose", KbRun.Bundle("cloudpods/host-mac-changed/fires"), "--format", "markdown", "--template", template);

        Assert.Equal(1, code);
        Assert.Matches(@"var\.sbn:1:4: .*rules", stderr);
    }

    [Fact]
    public void Template_MissingFile_SaysWhichAndHowToFix()
    {
        var (code, _, stderr) = KbRun.Run("runbook", Rule, "--template", Path.Combine(RepositoryPaths.Root, "no-such.sbn"));

        Assert.Equal(1, code);
        Assert.Contains("no-such.sbn: cannot read the template", stderr);
        Assert.Contains("--template", stderr);
    }
}
