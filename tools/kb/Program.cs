using System.CommandLine;
using KnowledgeEngine.Cli.Commands;

namespace KnowledgeEngine.Cli;

internal static class Program
{
    public static int Main(string[] args) => BuildRoot().Parse(args).Invoke();

    /// <summary>The whole command tree; each command lives in its own file under Commands/.</summary>
    internal static RootCommand BuildRoot()
    {
        var root = new RootCommand(
            "kb — diagnose private-cloud failures from collected bundles with a rule-based knowledge base.");
        root.Subcommands.Add(DiagnoseCommand.Create());
        root.Subcommands.Add(WhyCommand.Create());
        root.Subcommands.Add(DiffCommand.Create());
        root.Subcommands.Add(FactsCommand.Create());
        root.Subcommands.Add(LintCommand.Create());
        root.Subcommands.Add(TestCommand.Create());
        root.Subcommands.Add(EvalCommand.Create());
        root.Subcommands.Add(RunbookCommand.Create());
        return root;
    }
}
