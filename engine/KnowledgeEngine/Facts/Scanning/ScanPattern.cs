namespace KnowledgeEngine.Facts;

/// <summary>
/// One thing the loaded rules can match in a log record: an ordinal literal, or a regex with the literals
/// that any of its matches must contain (empty when none is known, which forces a look at every record).
/// </summary>
public sealed record ScanPattern(string Id, string Text, bool IsRegex, IReadOnlyList<string> Prefilter);
