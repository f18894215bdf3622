namespace KnowledgeEngine.Facts.Cases;

/// <summary>
/// One real incident of tests/real-cases: where it was published, the machine output posted there as the
/// files a bundle would hold, and the rule that must rank first (<see cref="Expect"/>, or null for none).
/// tests/real-cases/README.md describes the file format.
/// </summary>
public sealed record RealCase(
    string File,
    string Id,
    string Platform,
    string Source,
    string? Expect,
    string LabelConfidence,
    IReadOnlyList<CaseFileEntry> Files)
{
    /// <summary>The value of <c>expect:</c> that says no rule covers the failure yet.</summary>
    public const string None = "none";

    public string? FailureClass { get; init; }

    /// <summary>The thread's conclusion in the project's words.</summary>
    public string? Cause { get; init; }

    public string? Fix { get; init; }
}

/// <summary>How a case file's path was chosen: where the platform's collector stores that file
/// (support bundle, sosreport, talosctl support, kubectl log dump), or a loose file named after the
/// command, as an operator saves a paste.</summary>
public enum CaseStorage
{
    Collector,
    Loose,
}

/// <summary>One file of a case: its path in the bundle, its content verbatim, and where it was posted.</summary>
public sealed record CaseFileEntry(string Path, CaseStorage Stored, string Kind, string Content, int Line)
{
    /// <summary>The file or command as the thread names it.</summary>
    public string? Name { get; init; }

    /// <summary>Where in the thread the excerpt comes from.</summary>
    public string? Origin { get; init; }
}
