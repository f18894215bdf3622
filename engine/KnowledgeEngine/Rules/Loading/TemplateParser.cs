using System.Text.RegularExpressions;
using KnowledgeEngine.Rules.Model;

namespace KnowledgeEngine.Rules.Loading;

/// <summary>Finds the <c>{{ name.field }}</c> placeholders of fix, verify and derive texts.</summary>
internal sealed partial class TemplateParser(FileContext file)
{
    public Located<Template>? Parse(Located<string>? text)
    {
        if (text is null)
        {
            return null;
        }

        var placeholders = new List<Placeholder>();
        var value = text.Value;
        var at = 0;
        var ok = true;
        while ((at = value.IndexOf("{{", at, StringComparison.Ordinal)) >= 0)
        {
            var close = value.IndexOf("}}", at + 2, StringComparison.Ordinal);
            if (close < 0)
            {
                file.Error(LoaderCodes.BadTemplate, Offset(text.Span, value, at), "'{{' is never closed", "close the placeholder with }}, e.g. {{ host.name }}");
                ok = false;
                break;
            }

            var inner = value[(at + 2)..close];
            var path = inner.Trim();
            var pathStart = at + 2 + (inner.Length - inner.TrimStart().Length);
            if (!PathPattern().IsMatch(path))
            {
                file.Error(LoaderCodes.BadTemplate, Offset(text.Span, value, pathStart), $"placeholder '{{{{{inner}}}}}' is not a name.field path",
                    "write the name of a condition and one of its fields or captures, e.g. {{ mac.old }}");
                ok = false;
            }
            else
            {
                placeholders.Add(new Placeholder(path, at, close + 2 - at, Offset(text.Span, value, pathStart)));
            }

            at = close + 2;
        }

        return ok ? new Located<Template>(new Template(value, placeholders), text.Span) : null;
    }

    /// <summary>The file position of a character of a scalar; exact for one-line plain scalars,
    /// one column off per escape in quoted ones.</summary>
    private SourceSpan Offset(SourceSpan scalar, string value, int index)
    {
        var origin = scalar.Column;
        if (file.Lines.Count >= scalar.Line && scalar.Column - 1 < file.Lines[scalar.Line - 1].Length
            && file.Lines[scalar.Line - 1][scalar.Column - 1] is '\'' or '"')
        {
            origin++;
        }

        var newlines = value[..index].Count(c => c == '\n');
        var column = newlines == 0 ? origin + index : index - value.LastIndexOf('\n', index - 1);
        return new SourceSpan(scalar.File, scalar.Line + newlines, column, scalar.Line + newlines, column);
    }

    [GeneratedRegex(@"^[a-z][a-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_\-]*)+$")]
    private static partial Regex PathPattern();
}
