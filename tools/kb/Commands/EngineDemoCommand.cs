using System.CommandLine;

namespace KnowledgeEngine.Cli.Commands;

/// <summary>Placeholder until the rule language lands; replaced by real commands.</summary>
internal static class EngineDemoCommand
{
    public static Command Create()
    {
        var command = new Command("engine-demo", "Run a tiny built-in rule set through the inference engine.");
        command.SetAction(_ =>
        {
            Console.WriteLine("engine demo: not yet wired");
            return 0;
        });
        return command;
    }
}
