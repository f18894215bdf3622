namespace KnowledgeEngine.Facts;

/// <summary>The diagnostic codes of reading a bundle (KB201–KB299), documented in docs/facts.md.
/// None stops the diagnosis: each says what was skipped or read another way.</summary>
internal static class BundleCodes
{
    public const string Unreadable = "KB201";
    public const string ReaderDefect = "KB202";
    public const string DocumentInPart = "KB203";
    public const string LineCut = "KB204";
    public const string ReadAsLines = "KB205";
    public const string NotDecompressed = "KB206";
    public const string Encrypted = "KB207";
    public const string NestedTooDeep = "KB208";
    public const string DamagedArchive = "KB209";
    public const string InputsMoved = "KB210";
    public const string LinkSkipped = "KB211";
    public const string ControlCharacters = "KB212";
    public const string NotAFile = "KB213";
    public const string EntryRefused = "KB214";
    public const string EmptyFile = "KB215";
    public const string BinaryFile = "KB216";
    public const string Manifest = "KB217";

    public static Diagnostic Warning(string code, SourceSpan span, string message, string? fix = null) =>
        new(code, DiagnosticSeverity.Warning, span, message, fix);

    public static Diagnostic Info(string code, SourceSpan span, string message, string? fix = null) =>
        new(code, DiagnosticSeverity.Info, span, message, fix);
}
