namespace KnowledgeEngine.Rules;

/// <summary>A rule file's text and the path its diagnostics name (<c>rules/cloudpods/host-mac-changed.yaml</c>,
/// or wherever the author keeps it). A text of null is read from the path when the rules load, so an
/// unreadable file is a diagnostic (KB031) like every other problem.</summary>
public sealed record RuleSource(string Path, string? Text)
{
    /// <summary>False for a load that runs no examples (a diagnosis): the file's <c>examples:</c> section is not read.
    /// Inline example bundles are nearly half the built-in rules' text.</summary>
    public bool ReadExamples { get; init; } = true;

    /// <summary>The file was validated when kb was built (the rules built into kb, which kb lint and the tests
    /// check before a build ships), so loading does not validate it again; it is still checked against the
    /// other files (ids, derived facts, cycles), and compiled when first needed. Never set it on a file a user wrote.</summary>
    public bool Validated { get; init; }

    /// <summary>The file's model, already read (from a <see cref="RuleSnapshot"/>): loading does not read the text
    /// again, and keeps it for positions and messages only. Set with <see cref="Validated"/> only.</summary>
    internal Model.RuleModel? Model { get; init; }

    /// <summary>The file as a diagnosis reads a built-in one: without its examples, and not validated again.</summary>
    public RuleSource AsBuiltInForDiagnosis() => this with { ReadExamples = false, Validated = true };

    /// <summary>The file at this path, read when the rules load.</summary>
    public static RuleSource FromFile(string path) => new(path, null);
}
