using KnowledgeEngine.Cli;
using KnowledgeEngine.Cli.KnowledgeBase;

namespace KnowledgeEngine.Tests.Rules;

/// <summary>Where kb keeps the multicore JIT profiles of its commands (<see cref="JitProfile"/>): in the user's cache
/// folder, one folder per build, and a file per command of kb's own, never one named by other input.</summary>
public sealed class JitProfileTests
{
    [Fact]
    public void The_profiles_go_under_the_XDG_cache_folder_by_build()
    {
        var folder = JitProfile.Folder(Env(("XDG_CACHE_HOME", "/var/cache/me"), ("HOME", "/home/me")));

        Assert.Equal(Path.Combine("/var/cache/me", "kb", "jit", BuiltInKnowledge.BuildKey), folder);
    }

    [Fact]
    public void Without_XDG_cache_home_they_go_under_the_home_s_cache_folder()
    {
        Assert.Equal(Path.Combine("/home/me", ".cache", "kb", "jit", BuiltInKnowledge.BuildKey), JitProfile.Folder(Env(("HOME", "/home/me"))));
    }

    [Theory]
    [InlineData("relative/cache", "/home/me", "/home/me/.cache")]
    [InlineData("", "/home/me", "/home/me/.cache")]
    public void A_relative_or_empty_XDG_cache_home_is_ignored_as_the_XDG_specification_asks(string xdg, string home, string expected)
    {
        Assert.Equal(Path.Combine(expected, "kb", "jit", BuiltInKnowledge.BuildKey), JitProfile.Folder(Env(("XDG_CACHE_HOME", xdg), ("HOME", home))));
    }

    [Fact]
    public void Without_any_home_there_is_no_profile()
    {
        Assert.Null(JitProfile.Folder(Env()));
    }

    [Fact]
    public void Every_command_but_the_build_s_snapshot_writer_keeps_a_profile()
    {
        var commands = Program.BuildRoot().Subcommands.Select(c => c.Name).Where(n => n != "write-rule-snapshot");

        Assert.Equal(commands.Order(StringComparer.Ordinal), JitProfile.Commands.Order(StringComparer.Ordinal));
    }

    private static Func<string, string?> Env(params (string Name, string Value)[] variables) =>
        name => variables.FirstOrDefault(v => v.Name == name).Value;
}
