namespace KnowledgeEngine.Facts.Logs.Bodies;

/// <summary>Text with no known header: every line is a record, indented lines continue the one above (tracebacks, command output blocks).</summary>
internal sealed class PlainBody : LogBody
{
    public static PlainBody Instance { get; } = new();

    public override string Name => "plain";
    public override bool HasHeader => false;

    public override bool TryParse(ReadOnlySpan<char> body, RecordHeader? header, TimeContext time, out ReadOnlySpan<char> message)
    {
        message = body;
        return true;
    }

    public static bool IsContinuation(ReadOnlySpan<char> line) =>
        line.Length > 0 && (line[0] == ' ' || line[0] == '\t' || line.StartsWith("Caused by: ") || line.StartsWith("Traceback (most recent"));
}
