namespace KnowledgeEngine.Facts;

/// <summary>
/// A fact read from a bundle. Every fact keeps the bundle-relative path and the 1-based line
/// it came from, because a diagnosis must point the operator at its evidence (file:line).
/// </summary>
public abstract record Fact
{
    /// <summary>The fact kind as the rule language names it: log, resource, config, file, bundle.</summary>
    public abstract string Kind { get; }

    /// <summary>Path inside the bundle, with '/' separators and no leading slash.</summary>
    public required string Source { get; init; }

    /// <summary>1-based line of the first line of the fact in <see cref="Source"/>; 0 when the fact has no line.</summary>
    public int Line { get; init; }

    /// <summary>"path:line" (or just the path) for evidence listings.</summary>
    public string Location => Line > 0 ? $"{Source}:{Line}" : Source;
}
