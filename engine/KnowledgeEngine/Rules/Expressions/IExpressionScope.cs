namespace KnowledgeEngine.Rules.Expressions;

/// <summary>The names an expression may use; implemented by the rule compiler.</summary>
internal interface IExpressionScope
{
    /// <summary>
    /// Resolves a path whose first segment names an earlier condition (<c>host</c> in
    /// <c>host.status</c>) or a field of the condition's own fact. Returns null when unknown.
    /// The compiler also asks for shorter prefixes of the path: a prefix bound as
    /// <see cref="ExprType.Any"/> or <see cref="ExprType.List"/> lets the rest of the path be
    /// read at match time, so a scope need not know every key of a JSON object.
    /// </summary>
    ScopeBinding? Resolve(IReadOnlyList<PathSegment> path);

    /// <summary>Names offered as suggestions when a path is unknown.</summary>
    IEnumerable<string> KnownNames { get; }
}

/// <summary>
/// What a path reads. <paramref name="Value"/> should have the CLR type of
/// <paramref name="Type"/> (bool, double, string, TimeSpan, DateTimeOffset,
/// IReadOnlyList&lt;object?&gt;, object); other numeric types are widened to double and any
/// other CLR type is converted at match time as if it were <see cref="ExprType.Any"/>.
/// </summary>
internal sealed record ScopeBinding(System.Linq.Expressions.Expression Value, ExprType Type);

/// <summary>
/// One step of a field path: a field (<c>.status</c>, <see cref="Name"/> set), an index
/// (<c>[0]</c>, <see cref="Index"/> set, Name empty) or a key (<c>['a.b']</c>,
/// <see cref="Key"/> set, Name empty). Spans are positions in the rule file.
/// </summary>
internal sealed record PathSegment(string Name, int? Index, string? Key, SourceSpan Span, ElementSelector? Selector = null)
{
    internal static PathSegment Field(string name, SourceSpan span) => new(name, null, null, span);

    internal static PathSegment At(int index, SourceSpan span) => new("", index, null, span);

    internal static PathSegment ForKey(string key, SourceSpan span) => new("", null, key, span);

    internal static PathSegment Where(ElementSelector selector, SourceSpan span) => new("", null, null, span, selector);

    /// <summary>A plain field (<c>.name</c> or the first name), not an index, key or selector.</summary>
    public bool IsField => Index is null && Key is null && Selector is null;

    /// <summary>The segment name a dictionary lookup uses: the field name or the key.</summary>
    public string? MemberName => Index is null && Selector is null ? Key ?? Name : null;
}

/// <summary>
/// <c>[field == value]</c> in a path: the first element of a list whose <paramref name="Field"/> equals
/// <paramref name="Value"/> (a string, number or bool literal), as kubectl's <c>[?(@.type=="Ready")]</c>
/// picks a condition: Kubernetes keeps conditions in a list whose order no one promises.
/// <c>[exists(field)]</c> (a null <paramref name="Value"/>): the first element that has the field at all.
/// </summary>
internal sealed record ElementSelector(string Field, object? Value);
