using System.CommandLine;
using KnowledgeEngine.Cli.Commands;
using KnowledgeEngine.Cli.Failures;
using KnowledgeEngine.Cli.Rendering;

namespace KnowledgeEngine.Cli;

internal static class Program
{
    public static int Main(string[] args)
    {
        // First, so that the second core compiles what the profile names while the command line is still being read.
        JitProfile.Start(args);
        using var signals = InterruptCleanup.Register();
        return Run(args);
    }

    /// <summary>Parses and runs one command line. This is the one place an exception becomes what
    /// the user sees: a single line with a next step, the trace only with --debug.</summary>
    internal static int Run(string[] args)
    {
        var (rawOutput, rawError) = (Console.Out, Console.Error);
        var (safeOutput, safeError) = (new TerminalSafeWriter(rawOutput, enabled: !Console.IsOutputRedirected), new TerminalSafeWriter(rawError));
        Console.SetOut(safeOutput);
        Console.SetError(safeError);
        TerminalConsole.UseRaw((rawOutput, rawError));
        try
        {
            var root = BuildRoot();
            var parsed = root.Parse(args);
            var configuration = new InvocationConfiguration { EnableDefaultExceptionHandler = false, Output = safeOutput, Error = safeError };
            try
            {
                return parsed.Invoke(configuration);
            }
            catch (Exception e)
            {
                return FailureReport.Write(safeError, parsed.CommandResult.Command.Name, e, parsed.GetValue<bool>(DebugName));
            }
        }
        finally
        {
            safeOutput.Flush();
            safeError.Flush();
            TerminalConsole.UseRaw(null);
            Console.SetOut(rawOutput);
            Console.SetError(rawError);
        }
    }

    private const string DebugName = "--debug";

    /// <summary>The whole command tree; each command lives in its own file under Commands/.</summary>
    internal static RootCommand BuildRoot()
    {
        var root = new RootCommand(
            "kb — diagnose private-cloud failures from collected bundles with a rule-based knowledge base.");
        root.Options.Add(new Option<bool>(DebugName)
        {
            Description = "On an unexpected error, also print its stack trace (for a bug report)",
            Recursive = true,
        });
        root.Subcommands.Add(DiagnoseCommand.Create());
        root.Subcommands.Add(WhyCommand.Create());
        root.Subcommands.Add(DiffCommand.Create());
        root.Subcommands.Add(FactsCommand.Create());
        root.Subcommands.Add(RulesCommand.Create());
        root.Subcommands.Add(LintCommand.Create());
        root.Subcommands.Add(TestCommand.Create());
        root.Subcommands.Add(EvalCommand.Create());
        root.Subcommands.Add(RunbookCommand.Create());
        root.Subcommands.Add(SnapshotCommand.Create());
        return root;
    }
}
