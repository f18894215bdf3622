using System.Text;

namespace KnowledgeEngine.Cli.Rendering;

/// <summary>
/// Makes text from a bundle (file names, log lines) harmless on a terminal: control characters
/// (ESC starting a screen-clearing or window-title sequence, BEL, backspace, C1 controls) are shown
/// as \xNN instead of being obeyed. Tabs and line ends are kept where the caller allows them.
/// </summary>
internal static class TerminalText
{
    public static string Escape(string text, bool keepLineBreaks = true)
    {
        var first = FirstUnsafe(text, keepLineBreaks);
        if (first < 0)
        {
            return text;
        }

        var builder = new StringBuilder(text.Length + 16);
        builder.Append(text, 0, first);
        for (var i = first; i < text.Length; i++)
        {
            var c = text[i];
            if (IsUnsafe(c, keepLineBreaks))
            {
                builder.Append(@"\x").Append(((int)c).ToString(c > 0xFF ? "x4" : "x2", System.Globalization.CultureInfo.InvariantCulture));
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    private static int FirstUnsafe(string text, bool keepLineBreaks)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (IsUnsafe(text[i], keepLineBreaks))
            {
                return i;
            }
        }

        return -1;
    }

    private static bool IsUnsafe(char c, bool keepLineBreaks) => c switch
    {
        '\t' => false,
        '\n' or '\r' => !keepLineBreaks,
        < ' ' or '\x7f' => true,
        >= '\x80' and <= '\x9f' => true,
        '\u2028' or '\u2029' => !keepLineBreaks,
        _ => false,
    };
}
