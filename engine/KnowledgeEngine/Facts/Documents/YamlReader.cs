using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace KnowledgeEngine.Facts.Documents;

/// <summary>
/// Reads a YAML stream document by document and keeps what is good: a bad document costs itself, not
/// the documents around it; a document cut or broken in the middle keeps the part before the damage
/// (cut back to the start of the list item the damage is in, so no half object passes as whole).
/// Every repair is noted with its line. Never throws for any input.
/// </summary>
internal static class YamlReader
{
    /// <summary>Null when nothing in the text is YAML at all (the caller reads it another way).</summary>
    public static List<YamlDocument>? Read(string text, ReadNotes notes, bool withSettings = false)
    {
        if (FlowDepth(text) is var (depth, line) && depth > MaxFlowDepth)
        {
            notes.Warn(line, $"brackets nested {depth} levels deep; not read as a document (the limit is {MaxFlowDepth}).");
            return null;
        }
        var lines = Elisions.Blank(text, notes).Split('\n');
        var documents = new List<YamlDocument>();
        var failed = false;
        // A "---" at the start of a line always starts a document (YAML forbids it inside content), so the
        // stream is cut there first: an unclosed bracket in one document cannot swallow the next ones.
        foreach (var (start, end) in Chunks(lines))
        {
            var chunk = lines[start..end];
            var (read, error, documentStart) = ParseFrom(chunk, start, withSettings, notes);
            documents.AddRange(read);
            if (error is null)
            {
                continue;
            }

            failed = true;
            var errorLine = Math.Min(error.Value.Line, Math.Max(end, 1));
            while (errorLine > start + 1 && lines[errorLine - 1].Trim().Length == 0)
            {
                errorLine--; // "unexpected end of stream" points past the last line
            }

            var salvaged = Salvage(lines, documentStart, Math.Min(errorLine, end + 1), withSettings, notes);
            var kept = salvaged is null ? "nothing of this document was kept" : $"the document was read up to line {salvaged.Value.Cut}";
            var resumes = end < lines.Length ? $", reading resumed at the next '---' (line {end + 1})" : "";
            notes.Damaged(errorLine, $"not valid YAML ({error.Value.Reason}); {kept}{resumes}.");
            if (salvaged is { } s)
            {
                documents.Add(s.Document);
            }
        }
        return failed && documents.Count == 0 ? null : documents;
    }

    /// <summary>Past this many nested brackets the YAML scanner slows down quadratically (50,000 levels
    /// took 24 s); no real document comes close, so such text is refused before parsing.</summary>
    private const int MaxFlowDepth = 512;

    /// <summary>The deepest bracket nesting and the line it is reached on, quotes skipped roughly.</summary>
    private static (int Depth, int Line) FlowDepth(string text)
    {
        int depth = 0, max = 0, line = 1, maxLine = 1;
        var quote = '\0';
        foreach (var c in text)
        {
            if (c == '\n')
            {
                line++;
                quote = '\0';
            }
            else if (quote != '\0')
            {
                if (c == quote)
                {
                    quote = '\0';
                }
            }
            else if (c is '"')
            {
                quote = c;
            }
            else if (c is '[' or '{')
            {
                if (++depth > max)
                {
                    (max, maxLine) = (depth, line);
                }
            }
            else if (c is ']' or '}' && depth > 0)
            {
                depth--;
            }
        }
        return (max, maxLine);
    }

    private static IEnumerable<(int Start, int End)> Chunks(string[] lines)
    {
        var start = 0;
        for (var i = 1; i < lines.Length; i++)
        {
            if (lines[i] == "---" || lines[i].StartsWith("--- ", StringComparison.Ordinal) || lines[i] == "---\r")
            {
                yield return (start, i);
                start = i;
            }
        }
        yield return (start, lines.Length);
    }

    /// <summary>Parses <paramref name="lines"/>, which start at 0-based line <paramref name="start"/> of the file.</summary>
    private static (List<YamlDocument> Documents, (int Line, string Reason)? Error, int DocumentStart) ParseFrom(string[] lines, int start, bool withSettings, ReadNotes notes)
    {
        var documents = new List<YamlDocument>();
        var documentStart = start;
        try
        {
            var parser = new Parser(new StringReader(string.Join('\n', lines)));
            while (parser.MoveNext())
            {
                if (parser.Current is not DocumentStart begin)
                {
                    continue;
                }

                documentStart = (int)begin.Start.Line - 1 + start;
                var tree = new YamlTree(start, withSettings);
                var document = tree.Read(parser, (int)begin.End.Line + start);
                if (tree.DeepLine is { } deep)
                {
                    notes.Warn(deep, $"nested deeper than {DocumentLimits.MaxDepth} levels; what lies below that depth was dropped (read as null).");
                }

                documents.Add(FirstContentLine(document, lines, start));
            }
            return (documents, null, documentStart);
        }
        catch (YamlException ex)
        {
            return (documents, ((int)ex.Start.Line + start, Reason(ex)), documentStart);
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException or FormatException or OverflowException)
        {
            // YamlDotNet reports a few broken inputs this way ("The scanner should contain no more tokens").
            return (documents, (documentStart + 1, ex.Message.TrimEnd('.')), documentStart);
        }
    }

    /// <summary>The line of a document's root as the old reader reported it (the first line of content).</summary>
    private static YamlDocument FirstContentLine(YamlDocument document, string[] lines, int start)
    {
        var line = Math.Max(1, document.Line - start);
        while (line <= lines.Length && IsSkippable(lines[line - 1]))
        {
            line++;
        }

        return document with { Line = Math.Min(line, Math.Max(1, lines.Length)) + start };
    }

    private static bool IsSkippable(string line)
    {
        var t = line.Trim();
        return t.Length == 0 || t.StartsWith('#') || t == "---" || t.StartsWith("%", StringComparison.Ordinal);
    }

    /// <summary>The part of a broken document before the damage: up to the start of the top list item
    /// holding the error (a kubectl List cut mid-item keeps its whole items), else up to the error line.</summary>
    private static (YamlDocument Document, int Cut)? Salvage(string[] lines, int documentStart, int errorLine, bool withSettings, ReadNotes notes)
    {
        var end = Math.Min(errorLine - 1, lines.Length);
        foreach (var cut in Cuts(lines, documentStart, end))
        {
            if (cut <= documentStart)
            {
                continue;
            }

            var part = lines[documentStart..cut];
            var (read, error, _) = ParseFrom(part, documentStart, withSettings, notes);
            if (error is null && read.Count == 1 && read[0].Root is not null)
            {
                return (read[0], cut);
            }
        }
        return null;
    }

    private static IEnumerable<int> Cuts(string[] lines, int documentStart, int end)
    {
        int? itemIndent = null;
        for (var i = documentStart; i < end; i++)
        {
            var indent = lines[i].Length - lines[i].TrimStart(' ').Length;
            if (lines[i].TrimStart(' ').StartsWith("- ", StringComparison.Ordinal) && (itemIndent is null || indent < itemIndent))
            {
                itemIndent = indent;
            }
        }
        if (itemIndent is { } top)
        {
            for (var i = end - 1; i > documentStart; i--)
            {
                var indent = lines[i].Length - lines[i].TrimStart(' ').Length;
                if (indent == top && lines[i].TrimStart(' ').StartsWith("- ", StringComparison.Ordinal))
                {
                    yield return i;
                    break;
                }
            }
        }
        yield return end;
    }

    private static string Reason(YamlException error)
    {
        var message = error.InnerException?.Message ?? error.Message;
        var paren = message.IndexOf("): ", StringComparison.Ordinal);
        return (paren >= 0 && message.StartsWith('(') ? message[(paren + 3)..] : message).TrimEnd('.');
    }
}
