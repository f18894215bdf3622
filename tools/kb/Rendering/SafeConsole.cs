using Spectre.Console;
using Spectre.Console.Rendering;

namespace KnowledgeEngine.Cli.Rendering;

/// <summary>
/// A console that shows control characters inside the text it is given as \xNN: a log line or a
/// file name holding ESC [2J or an OSC title sequence is printed, not obeyed. Spectre's own
/// colour codes come from styles, not from text, and pass unchanged.
/// </summary>
internal sealed class SafeConsole(IAnsiConsole inner) : IAnsiConsole
{
    public Profile Profile => inner.Profile;

    public IAnsiConsoleCursor Cursor => inner.Cursor;

    public IAnsiConsoleInput Input => inner.Input;

    public IExclusivityMode ExclusivityMode => inner.ExclusivityMode;

    public RenderPipeline Pipeline => inner.Pipeline;

    public void Clear(bool home) => inner.Clear(home);

    public void Write(IRenderable renderable) => inner.Write(new Escaped(renderable));

    /// <summary>Raw ANSI is written by Spectre itself (cursor moves, live displays), never with bundle text.</summary>
    public void WriteAnsi(Action<AnsiWriter> action) => inner.WriteAnsi(action);

    private sealed class Escaped(IRenderable inner) : IRenderable
    {
        public Measurement Measure(RenderOptions options, int maxWidth) => inner.Measure(options, maxWidth);

        public IEnumerable<Segment> Render(RenderOptions options, int maxWidth) =>
            inner.Render(options, maxWidth).Select(s => s.IsControlCode || s.IsLineBreak ? s : new Segment(TerminalText.Escape(s.Text, keepLineBreaks: false), s.Style));
    }
}
