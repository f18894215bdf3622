using KnowledgeEngine.Cli;

namespace KnowledgeEngine.Tests.Reports;

/// <summary>Runs kb in-process with stdout and stderr captured apart (JSON goes to stdout only).
/// Tests using it belong to the "Console" collection, which runs them one at a time.</summary>
internal static class KbRun
{
    public static (int Code, string Stdout, string Stderr) Run(params string[] args)
    {
        var (stdout, stderr) = (Console.Out, Console.Error);
        using var output = new StringWriter();
        using var error = new StringWriter();
        Console.SetOut(output);
        Console.SetError(error);
        try
        {
            var code = Program.Run(args);
            return (code, output.ToString(), error.ToString());
        }
        finally
        {
            Console.SetOut(stdout);
            Console.SetError(stderr);
        }
    }

    public static string Bundle(string name) => RepositoryPaths.Bundle(name);
}
