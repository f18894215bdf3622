namespace KnowledgeEngine.Facts.Tables;

/// <summary>How a table was drawn: kubectl/talosctl columns aligned with spaces, or climc/cmk boxes of '|' and '+---+'.</summary>
internal enum TableStyle
{
    Aligned,
    Box,
}

/// <summary>One row: its cells by column and the 1-based line it was on.</summary>
internal sealed record TableRow(IReadOnlyList<string> Cells, int Line);

/// <summary>A table found in text: its header, its rows, and the command line printed above it, if any
/// (a paste usually starts with the prompt: "n1:~ # kubectl get nodes -o wide").</summary>
internal sealed record TableBlock(TableStyle Style, IReadOnlyList<string> Columns, IReadOnlyList<TableRow> Rows, int HeaderLine, string? Command);
