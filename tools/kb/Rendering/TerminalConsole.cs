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

    public static IAnsiConsole Stdout() => Create(_raw?.Out ?? Console.Out, !Console.IsOutputRedirected);

    public static IAnsiConsole Stderr() => Create(_raw?.Error ?? Console.Error, !Console.IsErrorRedirected);

    private static IAnsiConsole Create(TextWriter writer, bool terminal) => AnsiConsole.Create(new AnsiConsoleSettings
    {
        Out = new Output(writer, terminal),
        Ansi = terminal ? AnsiSupport.Detect : AnsiSupport.No,
        ColorSystem = terminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
        Interactive = terminal ? InteractionSupport.Detect : InteractionSupport.No,
    });

    private sealed class Output(TextWriter writer, bool terminal) : IAnsiConsoleOutput
    {
        public TextWriter Writer => writer;

        public bool IsTerminal => terminal;

        public int Width => terminal && SafeSize(() => Console.WindowWidth) is > 0 and var w ? w : 80;

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
