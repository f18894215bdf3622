namespace KnowledgeEngine.Rules.Expressions;

/// <summary>
/// The static type of an expression. <see cref="Any"/> is a value only known at match time
/// (a JSON or YAML field); it is converted to the type its use demands.
/// </summary>
internal enum ExprType
{
    Bool,
    Number,
    String,
    Duration,
    Time,
    List,
    Any,
}
