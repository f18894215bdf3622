using Spectre.Console;

namespace KnowledgeEngine.Cli.Rendering;

/// <summary>A Spectre console over any writer without colours or escape codes and with a fixed
/// width, so the table written to a file (or compared in a golden test) is the same everywhere.</summary>
internal static class PlainConsole
{
    public const int Width = 120;

    public static IAnsiConsole Create(TextWriter writer, int width = Width)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
        console.Profile.Width = width;
        return console;
    }
}
