namespace KnowledgeEngine.Rules;

/// <summary>A rule file's text and the path its diagnostics name (<c>rules/cloudpods/host-mac-changed.yaml</c>,
/// or wherever the author keeps it). A text of null is read from the path when the rules load, so an
/// unreadable file is a diagnostic (KB031) like every other problem.</summary>
public sealed record RuleSource(string Path, string? Text)
{
    /// <summary>The file at this path, read when the rules load.</summary>
    public static RuleSource FromFile(string path) => new(path, null);
}
