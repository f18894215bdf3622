using System.Runtime;
using KnowledgeEngine.Cli.KnowledgeBase;

namespace KnowledgeEngine.Cli;

/// <summary>
/// The runtime's multicore JIT for each kb command: a run records the methods it had to compile at run time, and the
/// next run of the same command compiles them on a second core before the main thread needs them. The precompiled
/// image cannot hold every generic the framework makes over kb's types (about 470 methods were still compiled at run
/// time on the README example), and the main thread waited for each. Measured on a 2-core AMD EPYC VM, the published
/// kb on the README example, eight alternated runs: whole process 205–270 ms without a profile, 155–186 ms with one.
/// The profiles live in the user's cache folder, one folder per kb build (a profile names methods of that build);
/// when it cannot be written, kb runs as before. <c>KB_JIT_PROFILE=0</c> turns it off.
/// </summary>
internal static class JitProfile
{
    /// <summary>The commands that keep a profile, by name: a profile file is named after one, never after user input. A
    /// fixed list rather than the command tree's names, since building the tree is start-up work the profile is there to
    /// overlap; a test keeps the two equal.</summary>
    internal static readonly string[] Commands = ["diagnose", "why", "diff", "facts", "rules", "lint", "test", "eval", "runbook"];

    public static void Start(IReadOnlyList<string> args)
    {
        if (args.Count == 0 || !Commands.Contains(args[0], StringComparer.Ordinal) || Environment.GetEnvironmentVariable("KB_JIT_PROFILE") == "0"
            || Folder(Environment.GetEnvironmentVariable) is not { } folder)
        {
            return;
        }

        try
        {
            Directory.CreateDirectory(folder);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A read-only home or a full disk: the profile only saves time, and nothing else needs the folder.
            return;
        }

        ProfileOptimization.SetProfileRoot(folder);
        ProfileOptimization.StartProfile(args[0] + ".jitprofile");
    }

    /// <summary>Where this build's profiles go: $XDG_CACHE_HOME/kb/jit/BUILD, else ~/.cache/kb/jit/BUILD (BUILD is
    /// <see cref="BuiltInKnowledge.BuildKey"/>); null when there is no home to put them in.</summary>
    internal static string? Folder(Func<string, string?> environment)
    {
        var cache = environment("XDG_CACHE_HOME") is { Length: > 0 } xdg && Path.IsPathRooted(xdg) ? xdg
            : environment("HOME") is { Length: > 0 } home && Path.IsPathRooted(home) ? Path.Combine(home, ".cache")
            : environment("LOCALAPPDATA") is { Length: > 0 } local && Path.IsPathRooted(local) ? local
            : null;
        return cache is null ? null : Path.Combine(cache, "kb", "jit", BuiltInKnowledge.BuildKey);
    }
}
