using Spectre.Console;

namespace KnowledgeEngine.Cli.Rendering;

/// <summary>A Spectre console over any writer without colours or escape codes. Its width is given (a
/// golden test, --width) or, by default, <see cref="Unwrapped"/>: a report in a file or a pipe keeps each
/// line whole, so a fix command can be copied from a CI log as it is.</summary>
internal static class PlainConsole
{
    /// <summary>Wide enough that no line of a report is wrapped (evidence is quoted to 240 characters).</summary>
    public const int Unwrapped = 4096;

    public static IAnsiConsole Create(TextWriter writer, int width = Unwrapped)
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
