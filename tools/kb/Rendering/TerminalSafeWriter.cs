using System.Text;

namespace KnowledgeEngine.Cli.Rendering;

/// <summary>A writer that passes text on with its control characters made visible
/// (<see cref="TerminalText"/>): kb's messages never carry terminal sequences of their own, so any
/// they hold came from a bundle. When <paramref name="enabled"/> is false (stdout sent to a file or a
/// pipe, where JSON must stay byte-exact) text passes unchanged.</summary>
internal sealed class TerminalSafeWriter(TextWriter inner, bool enabled = true) : TextWriter
{
    public override Encoding Encoding => inner.Encoding;

    public override void Write(char value) => Write(value.ToString());

    public override void Write(string? value)
    {
        if (value is not null)
        {
            inner.Write(enabled ? TerminalText.Escape(value) : value);
        }
    }

    public override void Write(char[] buffer, int index, int count) => Write(new string(buffer, index, count));

    public override void WriteLine(string? value)
    {
        Write(value);
        inner.WriteLine();
    }

    public override void WriteLine() => inner.WriteLine();

    public override void Flush() => inner.Flush();
}
