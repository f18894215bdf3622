using System.Text;
using Spectre.Console;

namespace KnowledgeEngine.Cli.Rendering;

/// <summary>
/// Spectre consoles on the real stdout and stderr. Program.Run puts a <see cref="TerminalSafeWriter"/>
/// in front of both for plain text; Spectre writes colour sequences of its own, so it gets the
/// writer underneath, and is told here whether that writer is a terminal (it would otherwise
/// only recognise the Console.Out object itself).
/// </summary>
internal static class TerminalConsole
{
    private static (TextWriter Out, TextWriter Error)? _raw;

    /// <summary>Set by Program.Run to the writers under its TerminalSafeWriters (Console.SetOut wraps
    /// what it is given in a synchronised writer, so they cannot be found from Console.Out).</summary>
    public static void UseRaw((TextWriter Out, TextWriter Error)? raw) => _raw = raw;

    /// <summary>Standard output: on a terminal its width and colours (none when NO_COLOR is set); in a
    /// pipe, plain and unwrapped. <paramref name="width"/> (--width) overrides the width in both.</summary>
    public static IAnsiConsole Stdout(int? width = null) => Create(_raw?.Out ?? Console.Out, !Console.IsOutputRedirected, width);

    public static IAnsiConsole Stderr() => Create(_raw?.Error ?? Console.Error, !Console.IsErrorRedirected, null);

    /// <summary>https://no-color.org: any non-empty NO_COLOR turns colour off.</summary>
    public static bool NoColor => !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR"));

    private static IAnsiConsole Create(TextWriter writer, bool terminal, int? width) => AnsiConsole.Create(new AnsiConsoleSettings
    {
        Out = new Output(writer, terminal, width),
        Ansi = terminal && !NoColor ? AnsiSupport.Detect : AnsiSupport.No,
        ColorSystem = terminal && !NoColor ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
        Interactive = terminal ? InteractionSupport.Detect : InteractionSupport.No,
    });

    private sealed class Output(TextWriter writer, bool terminal, int? width) : IAnsiConsoleOutput
    {
        public TextWriter Writer => writer;

        public bool IsTerminal => terminal;

        public int Width => width ?? (terminal && SafeSize(() => Console.WindowWidth) is > 0 and var w ? w : PlainConsole.Unwrapped);

        public int Height => terminal && SafeSize(() => Console.WindowHeight) is > 0 and var h ? h : 24;

        public void SetEncoding(Encoding encoding)
        {
        }

        private static int SafeSize(Func<int> size)
        {
            try
            {
                return size();
            }
            catch (IOException)
            {
                return 0;
            }
        }
    }
}
