namespace KnowledgeEngine.Rules.Loading;

/// <summary>The diagnostic codes of the rule loader (KB001–KB099), documented in docs/rule-language.md.
/// The expression language owns KB1xx.</summary>
internal static class LoaderCodes
{
    public const string YamlSyntax = "KB001";
    public const string WrongShape = "KB002";
    public const string UnknownKey = "KB003";
    public const string MissingField = "KB004";
    public const string BadValue = "KB005";
    public const string BadNumber = "KB006";
    public const string BadId = "KB007";
    public const string PlatformMismatch = "KB008";
    public const string FactKind = "KB009";
    public const string DuplicateName = "KB010";
    public const string BadName = "KB011";
    public const string BadRegex = "KB012";
    public const string OutOfRange = "KB013";
    public const string DuplicateId = "KB014";
    public const string UnknownArticle = "KB015";
    public const string UnknownPlaceholder = "KB016";
    public const string UnknownDerivedFact = "KB017";
    public const string DeriveCycle = "KB019";
    public const string BadDuration = "KB020";
    public const string MisplacedKey = "KB021";
    public const string CaptureName = "KB022";
    public const string ExampleFacts = "KB023";
    public const string ExampleBundle = "KB024";
    public const string ExampleFile = "KB025";
    public const string ExampleCaptures = "KB026";
    public const string UnknownRule = "KB027";
    public const string DuplicateKey = "KB028";
    public const string BadTemplate = "KB029";
    public const string EmptyValue = "KB030";
    public const string UnreadableFile = "KB031";

    public const string NoExamples = "KB050";
    public const string NoFiringExample = "KB051";
    public const string NoSilentExample = "KB052";
    public const string NoCollectHint = "KB053";
    public const string NoKnowledgeLink = "KB054";
    public const string NoSignature = "KB055";
    public const string NoSuspectedExample = "KB056";
    public const string ScansEveryRecord = "KB057";
    public const string BacktrackingRegex = "KB058";
    public const string RedundantContains = "KB059";
}
