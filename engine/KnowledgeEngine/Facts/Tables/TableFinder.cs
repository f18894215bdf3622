using System.Text.RegularExpressions;

namespace KnowledgeEngine.Facts.Tables;

/// <summary>
/// Finds command-output tables in text by their header line, wherever they were saved: a file named
/// after the command, or a paste inside a log. Aligned tables (kubectl get, talosctl get, cmk's column
/// output) are cut at the header's column starts, so an empty cell stays empty instead of shifting
/// the cells after it; box tables (climc, cmk) are split at '|'.
/// </summary>
internal static partial class TableFinder
{
    /// <summary>Header columns that start a table: a header must begin with one of them.</summary>
    private static readonly HashSet<string> FirstColumns = new(StringComparer.Ordinal) { "NAME", "NAMESPACE", "NODE", "ID", "LAST SEEN" };

    public static List<TableBlock> Find(string[] lines)
    {
        var blocks = new List<TableBlock>();
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (line.Length < 6)
            {
                continue;
            }

            var block = BoxBorder().IsMatch(line) ? ReadBox(lines, ref i) : IsAlignedHeader(line) ? ReadAligned(lines, ref i) : null;
            if (block is not null)
            {
                blocks.Add(block);
            }
        }
        return blocks;
    }

    private static bool IsAlignedHeader(string line)
    {
        if (line[0] is not ('N' or 'I' or 'L'))
        {
            return false;
        }

        var columns = Columns(line);
        return columns.Count >= 2 && FirstColumns.Contains(columns[0].Name) && columns.All(c => HeaderWord().IsMatch(c.Name));
    }

    /// <summary>Column names and where they start: names are separated by two spaces or more
    /// ("NOMINATED NODE" is one column).</summary>
    private static List<(string Name, int Start)> Columns(string header)
    {
        var columns = new List<(string, int)>();
        foreach (Match m in HeaderCell().Matches(header.TrimEnd('\r')))
        {
            columns.Add((m.Value, m.Index));
        }

        return columns;
    }

    private static TableBlock? ReadAligned(string[] lines, ref int i)
    {
        var header = lines[i].TrimEnd('\r');
        var columns = Columns(header);
        var rows = new List<TableRow>();
        var j = i + 1;
        for (; j < lines.Length; j++)
        {
            var line = lines[j].TrimEnd('\r');
            if (line.Trim().Length == 0 || IsAlignedHeader(line) || PromptLine().IsMatch(line) || !FitsColumns(line, columns))
            {
                break;
            }

            rows.Add(new TableRow(Cut(line, columns), j + 1));
        }
        if (rows.Count == 0)
        {
            return null;
        }

        var block = new TableBlock(TableStyle.Aligned, columns.Select(c => c.Name).ToList(), rows, i + 1, CommandAbove(lines, i));
        i = j - 1;
        return block;
    }

    /// <summary>A row of an aligned table has its first cell at the first column and a space before every
    /// later column start it reaches (text there would belong to a cell that spills over).</summary>
    private static bool FitsColumns(string line, List<(string Name, int Start)> columns)
    {
        if (line.Length <= columns[0].Start || line[columns[0].Start] == ' ' || line.StartsWith(' ') && columns[0].Start == 0)
        {
            return false;
        }

        for (var c = 1; c < columns.Count; c++)
        {
            var start = columns[c].Start;
            if (start < line.Length && line[start - 1] != ' ')
            {
                return false;
            }
        }
        return true;
    }

    private static List<string> Cut(string line, List<(string Name, int Start)> columns)
    {
        var cells = new List<string>(columns.Count);
        for (var c = 0; c < columns.Count; c++)
        {
            var start = columns[c].Start;
            var end = c + 1 < columns.Count ? columns[c + 1].Start : line.Length;
            cells.Add(start >= line.Length ? "" : line[start..Math.Min(end, line.Length)].Trim());
        }
        return cells;
    }

    private static TableBlock? ReadBox(string[] lines, ref int i)
    {
        // +----+----+ / | A | B | / +----+----+ / | 1 | 2 | ... / +----+----+
        if (i + 2 >= lines.Length || !lines[i + 1].TrimStart().StartsWith('|') || !BoxBorder().IsMatch(lines[i + 2]))
        {
            return null;
        }

        var columns = Cells(lines[i + 1]);
        if (columns.Count < 2 || columns.Any(c => c.Length == 0))
        {
            return null;
        }

        var rows = new List<TableRow>();
        var j = i + 3;
        for (; j < lines.Length; j++)
        {
            var line = lines[j].Trim();
            if (BoxBorder().IsMatch(line))
            {
                j++;
                break;
            }
            if (!line.StartsWith('|'))
            {
                break;
            }

            var cells = Cells(line);
            if (cells.Count == columns.Count)
            {
                rows.Add(new TableRow(cells, j + 1));
            }
        }
        if (rows.Count == 0)
        {
            return null;
        }

        var block = new TableBlock(TableStyle.Box, columns, rows, i + 2, CommandAbove(lines, i));
        i = j - 1;
        return block;
    }

    private static List<string> Cells(string line)
    {
        var trimmed = line.Trim().TrimEnd('\r');
        if (trimmed.Length < 2 || trimmed[0] != '|' || trimmed[^1] != '|')
        {
            return [];
        }

        return trimmed[1..^1].Split('|').Select(c => c.Trim()).ToList();
    }

    /// <summary>The command printed just above a table (a prompt and the command, or the command alone).</summary>
    private static string? CommandAbove(string[] lines, int header)
    {
        for (var k = header - 1; k >= 0 && k >= header - 2; k--)
        {
            var line = lines[k].Trim();
            if (line.Length == 0)
            {
                continue;
            }

            return CommandWord().IsMatch(line) ? line : null;
        }
        return null;
    }

    [GeneratedRegex(@"^\s*\+[-=+]{3,}\+\s*$")]
    private static partial Regex BoxBorder();

    [GeneratedRegex(@"\S+(?: \S+)*")]
    private static partial Regex HeaderCell();

    [GeneratedRegex(@"^[A-Z][A-Z0-9_().%/-]*(?: [A-Z][A-Z0-9_().%/-]*)?$")]
    private static partial Regex HeaderWord();

    /// <summary>The next command of a paste: "n2-103:~ # k get lhv", "$ kubectl ...", "(cloud) > list routers".</summary>
    [GeneratedRegex(@"^(?:.{0,60}?[#$>]\s*)?(?:kubectl|k|oc|climc|talosctl|cmk|list)\s+[a-z-]")]
    private static partial Regex PromptLine();

    [GeneratedRegex(@"(?:^|[\s#$>])(?:kubectl|k|oc|climc|talosctl|cmk|list|get)\s")]
    private static partial Regex CommandWord();
}
