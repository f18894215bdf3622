using Spectre.Console;
using Spectre.Console.Rendering;

namespace KnowledgeEngine.Reports;

/// <summary>One line the console must not wrap: a fix step or a collect command. Markup wraps at the
/// console's width and breaks a command into lines that no longer paste into a shell; this hands the
/// console the whole line as one segment (a terminal folds it on screen only, and copies it whole).</summary>
internal sealed class UnwrappedLine(string text, Style? style = null) : IRenderable
{
    public Measurement Measure(RenderOptions options, int maxWidth) => new(text.Length, text.Length);

    public IEnumerable<Segment> Render(RenderOptions options, int maxWidth) =>
        [new Segment(text, style ?? Style.Plain), Segment.LineBreak];
}
