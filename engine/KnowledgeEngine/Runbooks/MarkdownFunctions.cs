using System.Text;

namespace KnowledgeEngine.Runbooks;

/// <summary>
/// The <c>md</c> object of the templates: values from bundles (log lines, commands with
/// &lt;host-id&gt;) must survive Markdown and its HTML rendering as typed, so templates quote them
/// through these instead of writing them raw.
/// </summary>
internal static class MarkdownFunctions
{
    private const string Special = "\\`*_[]<>#|!";

    /// <summary>Inline code that holds any text: the fence is one backtick longer than the longest
    /// run inside, and padded when the text starts or ends with a backtick.</summary>
    public static string Code(string? text)
    {
        var value = (text ?? "").ReplaceLineEndings(" ");
        var longest = 0;
        var run = 0;
        foreach (var c in value)
        {
            run = c == '`' ? run + 1 : 0;
            longest = Math.Max(longest, run);
        }

        var fence = new string('`', longest + 1);
        var pad = value.StartsWith('`') || value.EndsWith('`') ? " " : "";
        return fence + pad + value + pad + fence;
    }

    /// <summary>Inline code of <paramref name="text"/> with the part from <paramref name="start"/> of
    /// <paramref name="length"/> characters in bold: how a quote shows the text its rule matched.</summary>
    public static string Mark(string? text, int start, int length)
    {
        var value = text ?? "";
        if (length <= 0 || start < 0 || start + length > value.Length)
        {
            return Code(value);
        }

        var before = value[..start];
        var after = value[(start + length)..];
        return (before.Length > 0 ? Code(before) : "") + "**" + Code(value.Substring(start, length)) + "**" + (after.Length > 0 ? Code(after) : "");
    }

    /// <summary>Text with Markdown's punctuation escaped, so it renders literally.</summary>
    public static string Escape(string? text)
    {
        var result = new StringBuilder();
        foreach (var c in (text ?? "").ReplaceLineEndings(" "))
        {
            if (Special.Contains(c))
            {
                result.Append('\\');
            }

            result.Append(c);
        }

        return result.ToString();
    }
}
