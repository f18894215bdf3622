using KnowledgeEngine.Cli;

namespace KnowledgeEngine.Tests.Hostile;

/// <summary>kb's multicore JIT profile (<c>JitProfile</c>) only saves start-up time: a run records one in the user's
/// cache folder, and a profile that is damaged, or a cache folder that cannot hold one, changes nothing in what kb
/// does. Run as a child process, since the profile is started in <c>Main</c>.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class JitProfileFileTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("kb-jit-").FullName;

    private string Cache => Path.Combine(_root, ".cache");

    private string Profile => Path.Combine(JitProfile.Folder(name => name == "XDG_CACHE_HOME" ? Cache : null)!, "diagnose.jitprofile");

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void A_run_records_its_command_s_profile_in_the_cache_folder()
    {
        var (code, stdout, stderr) = Diagnose();

        Assert.True(code == 0, stderr);
        Assert.Contains("\"rule\": \"cloudpods/host-mac-changed\"", stdout);
        Assert.True(new FileInfo(Profile).Length > 0, $"no profile at {Profile}");
    }

    [Fact]
    public void A_damaged_profile_is_ignored()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Profile)!);
        var noise = new byte[64 * 1024];
        new Random(17).NextBytes(noise);
        File.WriteAllBytes(Profile, noise);

        var (code, stdout, stderr) = Diagnose();

        Assert.True(code == 0, stderr);
        Assert.Empty(stderr);
        Assert.Contains("\"rule\": \"cloudpods/host-mac-changed\"", stdout);
    }

    [Fact]
    public void A_cache_folder_that_cannot_hold_the_profile_changes_nothing()
    {
        // A file where the cache folder should be: creating the profile's folder fails as on a read-only home.
        File.WriteAllText(Cache, "not a folder");

        var (code, stdout, stderr) = Diagnose();

        Assert.True(code == 0, stderr);
        Assert.Empty(stderr);
        Assert.Contains("\"rule\": \"cloudpods/host-mac-changed\"", stdout);
    }

    private (int Code, string Stdout, string Stderr) Diagnose() =>
        KbProcess.Run(["diagnose", RepositoryPaths.Bundle("cloudpods/host-mac-changed/fires"), "--format", "json"], _root);
}
