namespace KnowledgeEngine.Facts;

/// <summary>An inventory entry, so a rule can tell "collected but nothing found" from "never collected".</summary>
public sealed record FileFact : Fact
{
    public override string Kind => "file";

    public string Path => Source;

    public long Size { get; init; }

    /// <summary>Binary files are inventoried but their content is not scanned.</summary>
    public bool IsBinary { get; init; }

    public bool Collected { get; init; } = true;
}
