using System.CommandLine;

namespace KnowledgeEngine.Cli.Commands;

/// <summary>Options several commands share, defined once so their names and help agree.</summary>
internal static class CommonOptions
{
    /// <summary>The user's rule folder laid over the built-in knowledge base.</summary>
    public static Option<string?> Rules() =>
        new("--rules") { Description = "A folder of extra rule files; a file with the same relative path as a built-in one replaces it" };

    public static Argument<string> Bundle(string name = "bundle", string description = "The collected bundle: a folder or an archive (.zip, .tar, .tar.gz, .tar.xz)") =>
        new(name) { Description = description };
}
