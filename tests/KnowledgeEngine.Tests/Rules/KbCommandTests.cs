using KnowledgeEngine.Cli;

namespace KnowledgeEngine.Tests.Rules;

/// <summary>kb lint and kb test exit codes and output, run in-process.</summary>
[Collection("Console")]
public sealed class KbCommandTests
{
    [Fact]
    public void Lint_RepositoryRules_ExitsZero()
    {
        var (code, output) = Kb("lint", RepositoryPaths.Rules);

        Assert.True(code == 0, output);
        Assert.Contains("0 errors", output);
    }

    [Fact]
    public void Lint_BrokenFile_ExitsOneWithThePositionedMessage()
    {
        var file = Path.Combine(RepositoryPaths.Broken, "bad-severity.yaml");

        var (code, output) = Kb("lint", file);

        Assert.Equal(1, code);
        Assert.Contains(":5:11: error KB005: 'severity' must be one of", output);
    }

    [Fact]
    public void Lint_JsonFormat_PrintsDiagnosticsAsJson()
    {
        var (code, output) = Kb("lint", "--format", "json", Path.Combine(RepositoryPaths.Broken, "bad-severity.yaml"));

        Assert.Equal(1, code);
        // Output holds standard error too: its one line, what was checked, comes first.
        Assert.StartsWith("kb lint: checking ", output);
        var items = System.Text.Json.JsonDocument.Parse(output[(output.IndexOf('\n') + 1)..]).RootElement;
        Assert.Contains(items.EnumerateArray(), d => d.GetProperty("code").GetString() == "KB005" && d.GetProperty("line").GetInt32() == 5);
    }

    [Fact]
    public void Lint_MissingPath_ExitsOneWithoutAStackTrace()
    {
        var (code, output) = Kb("lint", Path.Combine(RepositoryPaths.Root, "no-such-rules.yaml"));

        Assert.Equal(1, code);
        Assert.Contains("error KB031: cannot read the rule file", output);
        Assert.DoesNotContain("   at ", output);
    }

    [Fact]
    public void Test_RepositoryRules_PassAndWriteJUnit()
    {
        using var folder = new TempRules();
        var junit = Path.Combine(folder.Path, "out", "junit.xml");

        var (code, output) = Kb("test", RepositoryPaths.Rules, "--junit", junit);

        Assert.True(code == 0, output);
        Assert.Contains("PASS cloudpods/host-mac-changed", output);
        Assert.Contains("failures=\"0\"", File.ReadAllText(junit));
    }

    [Fact]
    public void Test_JUnit_StartsWithTheXmlDeclarationNotAByteOrderMark()
    {
        using var folder = new TempRules();
        var junit = Path.Combine(folder.Path, "junit.xml");

        var (code, output) = Kb("test", RepositoryPaths.Rules, "--junit", junit);

        Assert.True(code == 0, output);
        Assert.Equal("<?xml version=\"1.0\" encoding=\"utf-8\"?>"u8.ToArray(), File.ReadAllBytes(junit)[..38]);
    }

    [Fact]
    public void Test_FailingExample_ExitsOneWithTheDifference()
    {
        using var folder = new TempRules();
        var rule = folder.Write("rules/test/x.yaml", TempRules.Minimal("test/x", extra: """
            examples:
              - name: should fire but the text differs
                expect: fires
                files: { logs/a.log: "disk almost full" }
              - name: overlap with itself is fine, capture is wrong
                expect: fires
                files: { logs/a.log: "disk full" }
                captures: { full.text: "other" }
            """));

        var (code, output) = Kb("test", rule);

        Assert.Equal(1, code);
        Assert.Contains("expected: fires, actual: silent", output);
        Assert.Contains("capture full.text: expected 'other', actual 'disk full'", output);
        Assert.Contains("2 examples: 0 passed, 2 failed", output);
    }

    [Fact]
    public void Rules_ListsEveryBuiltInRuleWithPlatformSeverityAndTitle()
    {
        var (code, output) = Kb("rules", "--platform", "cloudpods");

        Assert.Equal(0, code);
        Assert.Matches(@"(?m)^cloudpods/host-mac-changed\s+cloudpods\s+critical\s+Host cannot re-register after its NIC MAC address changed$", output);
        Assert.DoesNotContain("talos/", output);
        Assert.Matches(@"(?m)^\d+ rules$", output);
    }

    [Fact]
    public void Rules_UnknownPlatform_NamesTheKnownOnes()
    {
        var (code, output) = Kb("rules", "--platform", "openstack");

        Assert.Equal(1, code);
        Assert.Contains("no rule of platform 'openstack'; the platforms are cloudpods, cloudstack, harvester, talos.", output);
    }

    [Fact]
    public void Why_UnknownRule_SuggestsTheClosestIds()
    {
        var (code, output) = Kb("why", "cloudpods/host-mac-chaged", RepositoryPaths.Bundle("cloudpods/host-mac-changed/fires"));

        Assert.Equal(1, code);
        Assert.Contains("no rule 'cloudpods/host-mac-chaged' in the knowledge base; did you mean cloudpods/host-mac-changed? kb rules lists them all.", output);
    }

    [Fact]
    public void Test_ExampleRank_FailsWhenTheCauseRanksElsewhere()
    {
        using var folder = new TempRules();
        var rule = folder.Write("rules/test/x.yaml", TempRules.Minimal("test/x", extra: """
            examples:
              - name: the only cause, so first
                expect: fires
                rank: 1
                files: { logs/a.log: "disk full" }
              - name: said to be second, but it is first
                expect: fires
                rank: 2
                files: { logs/a.log: "disk full" }
            """));

        var (code, output) = Kb("test", rule);

        Assert.Equal(1, code);
        Assert.Contains("rank: expected 2, actual 1 (test/x)", output);
        Assert.Contains("2 examples: 1 passed, 1 failed", output);
    }

    [Fact]
    public void Test_OtherRuleFiringOnAnExample_IsReportedAsOverlap()
    {
        using var folder = new TempRules();
        const string example = "examples:\n  - name: full\n    expect: fires\n    files: { logs/a.log: \"disk full\" }\n";
        folder.Write("rules/test/a.yaml", TempRules.Minimal("test/a", extra: example));
        folder.Write("rules/test/b.yaml", TempRules.Minimal("test/b", "  - log: { contains: 'full' }\n"));

        var (code, output) = Kb("test", Path.Combine(folder.Path, "rules"));

        Assert.Equal(1, code);
        Assert.Contains("overlap: test/b fires on this example too", output);
        Assert.Contains("no firing example: test/b", output);
    }

    private static (int Code, string Output) Kb(params string[] args)
    {
        var (stdout, stderr) = (Console.Out, Console.Error);
        using var writer = new StringWriter();
        Console.SetOut(writer);
        Console.SetError(writer);
        try
        {
            var code = Program.BuildRoot().Parse(args).Invoke();
            return (code, writer.ToString());
        }
        finally
        {
            Console.SetOut(stdout);
            Console.SetError(stderr);
        }
    }
}
