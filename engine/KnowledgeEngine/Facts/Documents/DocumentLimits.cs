namespace KnowledgeEngine.Facts.Documents;

/// <summary>Bounds that keep a hostile or mangled document from exhausting the stack.</summary>
internal static class DocumentLimits
{
    /// <summary>Objects and lists nested deeper than this are dropped with a warning. Real API objects
    /// (CRD schemas included) stay well below it; it leaves room under System.Text.Json's default of 64.</summary>
    public const int MaxDepth = 48;
}
