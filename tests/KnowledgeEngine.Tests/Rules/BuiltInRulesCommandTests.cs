using KnowledgeEngine.Rules;
using KnowledgeEngine.Tests.Hostile;

namespace KnowledgeEngine.Tests.Rules;

/// <summary>kb lint and kb test away from any checkout read the rules built into kb, as text: every
/// example's bundle is known by path (so lint passes), and kb test runs the inline examples and lists
/// each bundle or case example as not run, since kb does not carry the example bundles.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class BuiltInRulesCommandTests : IDisposable
{
    private readonly string _away = Directory.CreateTempSubdirectory("kb-away-").FullName;

    public void Dispose() => Directory.Delete(_away, recursive: true);

    [Fact]
    public void Lint_AwayFromACheckout_ChecksTheBuiltInRulesWithoutErrors()
    {
        var (code, stdout, stderr) = KbProcess.Run(["lint"], _away, null, workingDirectory: _away);

        Assert.True(code == 0, stdout + stderr);
        Assert.Contains("kb lint: checking the rules built into kb", stderr);
        Assert.Contains($"{RuleSet.FilesIn(RepositoryPaths.Rules).Count()} rules checked: 0 errors", stdout);
        Assert.DoesNotContain("KB024", stdout);
    }

    [Fact]
    public void Lint_AwayFromACheckout_LaysADotRulesFolderOverTheBuiltInRulesAndSaysSo()
    {
        Directory.CreateDirectory(Path.Combine(_away, "rules", "mine"));
        File.WriteAllText(Path.Combine(_away, "rules", "mine", "x.yaml"), TempRules.Minimal("mine/x"));

        var (code, stdout, stderr) = KbProcess.Run(["lint"], _away, null, workingDirectory: _away);

        Assert.True(code == 0, stdout + stderr);
        Assert.Contains("kb lint: checking the rules built into kb with ./rules laid over them (1 files;", stderr);
        Assert.Contains($"{RuleSet.FilesIn(RepositoryPaths.Rules).Count() + 1} rules checked: 0 errors", stdout);
    }

    [Fact]
    public void Test_AwayFromACheckout_RunsInlineExamplesAndListsBundleExamplesAsNotRun()
    {
        var (code, stdout, stderr) = KbProcess.Run(["test"], _away, null, workingDirectory: _away);

        Assert.True(code == 0, stdout + stderr);
        Assert.Matches(@"examples: \d+ passed, 0 failed, \d+ not run \(their bundles or cases are in the knowledge base's checkout, not in kb\)", stdout);
        Assert.Contains("SKIP rules/cloudpods/host-mac-changed.yaml:", stdout);
        Assert.Contains("its bundle rules/cloudpods/examples/host-mac-changed/fires is not here", stdout);
        Assert.DoesNotContain("FAIL", stdout);
    }

    [Fact]
    public void FilesIn_LeavesOutTheExampleBundles()
    {
        var files = RuleSet.FilesIn(RepositoryPaths.Rules).Select(f => Path.GetRelativePath(RepositoryPaths.Rules, f).Replace('\\', '/')).ToList();

        Assert.Contains("cloudpods/host-mac-changed.yaml", files);
        Assert.DoesNotContain(files, f => f.Contains("/examples/", StringComparison.Ordinal));
        Assert.True(Directory.EnumerateFiles(RepositoryPaths.Bundle("cloudpods/host-offline/fires"), "*.yaml", SearchOption.AllDirectories).Any(),
            "the example bundles hold YAML files, so leaving them out is what the test shows");
    }
}
