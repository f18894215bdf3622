namespace KnowledgeEngine.Facts.Logs;

/// <summary>What the envelopes and the body of one record said about it, filled outermost first.</summary>
internal sealed class RecordHeader
{
    public DateTimeOffset? Timestamp { get; set; }
    public string? Level { get; set; }
    public string? Component { get; set; }
    public string? Host { get; set; }
    public FieldList? Fields { get; private set; }

    /// <summary>Inner layers know better than outer ones (a logfmt level beats a syslog priority), so later writes win.</summary>
    public void SetLevel(string? raw)
    {
        var level = LevelNames.Normalise(raw);
        if (level is not null)
        {
            Level = level;
        }
    }

    public void SetField(string key, string value) => (Fields ??= new FieldList()).Set(key, value);
}
