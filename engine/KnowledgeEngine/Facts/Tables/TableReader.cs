using System.Globalization;
using System.Text.Json.Nodes;
using KnowledgeEngine.Facts.Resources;

namespace KnowledgeEngine.Facts.Tables;

/// <summary>
/// Turns the tables of a text into resource facts, one per row, with the columns as fields named the
/// way the tools' JSON names them: lower case, '-' and ' ' as '_' ("INTERNAL-IP" → internal_ip,
/// "Host_status" → host_status). Placeholders for "nothing" ("&lt;none&gt;", "&lt;unknown&gt;", "-", an empty cell)
/// are null; whole numbers are numbers.
/// </summary>
internal static class TableReader
{
    public static List<ResourceFact> Read(string source, string text)
    {
        var facts = new List<ResourceFact>();
        var lines = text.Split('\n');
        foreach (var block in TableFinder.Find(lines))
        {
            var keys = block.Columns.Select(Key).ToList();
            for (var r = 0; r < block.Rows.Count; r++)
            {
                facts.Add(Fact(source, block, keys, r));
            }
        }
        return facts;
    }

    private static ResourceFact Fact(string source, TableBlock block, List<string> keys, int r)
    {
        var row = block.Rows[r];
        var kind = TableKinds.Of(block, source, keys, r);
        var obj = new JsonObject();
        string? name = null, ns = null, id = null;
        for (var c = 0; c < keys.Count; c++)
        {
            var cell = row.Cells[c];
            if (keys[c] == "name" && TableKinds.SplitKindName(cell) is { } typed)
            {
                cell = typed.Name;
            }

            obj[keys[c]] = Value(cell);
            switch (keys[c])
            {
                case "name":
                    name = Text(cell);
                    break;
                case "namespace":
                    ns = Text(cell);
                    break;
                case "id":
                    id = Text(cell);
                    break;
            }
        }
        var element = JsonNormaliser.ToElement(obj);
        return new ResourceFact
        {
            Source = source,
            Line = row.Line,
            ResourceKind = kind,
            Name = name ?? id,
            Namespace = ns,
            Object = element,
        };
    }

    private static string Key(string column) =>
        column.Trim().ToLowerInvariant().Replace(' ', '_').Replace('-', '_').Replace("(", "").Replace(")", "");

    private static string? Text(string cell) => cell is "" or "<none>" or "<unknown>" or "-" ? null : cell;

    private static JsonNode? Value(string cell)
    {
        if (Text(cell) is not { } text)
        {
            return null;
        }

        return long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? JsonValue.Create(number) : JsonValue.Create(text);
    }
}
