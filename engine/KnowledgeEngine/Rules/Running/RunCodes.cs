namespace KnowledgeEngine.Rules;

/// <summary>The diagnostic codes of running rules over a bundle (KB301–KB399), documented in docs/output.md.</summary>
internal static class RunCodes
{
    public const string FireLimit = "KB301";
}
