using KnowledgeEngine.Diagnosis;
using KnowledgeEngine.Facts;
using KnowledgeEngine.Rules;

namespace KnowledgeEngine.Tests.Diagnosis.Suspected;

/// <summary>The built-in knowledge on what an operator pastes first: the host log holding only the
/// 409 error line, as the host service prints it (from the shipped example bundle).</summary>
public sealed class PartialPasteTests : IDisposable
{
    private static readonly RuleSet Rules = RuleSet.Load(Path.Combine(RepositoryPaths.Root, "rules"), RepositoryPaths.Root);

    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("kb-paste-");

    public void Dispose() => _dir.Delete(recursive: true);

    private static string ErrorLine() => File.ReadLines(Path.Combine(RepositoryPaths.Root,
        "rules/cloudpods/examples/host-mac-changed/fires/control/logs/onecloud/default-host-x9k2p/host.log")).ElementAt(31);

    private Hypothesis Top(string hostLog)
    {
        Directory.CreateDirectory(Path.Combine(_dir.FullName, "logs"));
        File.WriteAllText(Path.Combine(_dir.FullName, "logs", "host.log"), hostLog);
        using var bundle = Bundle.Open(_dir.FullName);
        return Diagnoser.Diagnose(Rules, bundle).Causes[0];
    }

    [Fact]
    public void The_409_line_alone_ranks_the_mac_change_first_as_suspected()
    {
        var top = Top(ErrorLine() + "\n");

        Assert.Equal(("cloudpods/host-mac-changed", CauseStatus.Suspected), (top.RuleId, top.Status));
    }

    [Fact]
    public void The_suspected_mac_change_says_to_collect_the_master_mac_line_and_the_host_record()
    {
        var top = Top(ErrorLine() + "\n");

        Assert.Contains(top.ToConfirm, m => m.Collect is { } c && c.Contains("Master MAC", StringComparison.Ordinal));
        Assert.Contains(top.Missing, m => m.Collect is { } c && c.StartsWith("climc host-list", StringComparison.Ordinal));
        Assert.Equal("10.20.30.17", top.Fired.Values["conflict.ip"]);
    }
}
