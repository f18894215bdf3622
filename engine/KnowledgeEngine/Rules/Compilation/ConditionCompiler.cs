using System.Linq.Expressions;
using KnowledgeEngine.Facts;
using KnowledgeEngine.Rete;
using KnowledgeEngine.Rules.Expressions;
using KnowledgeEngine.Rules.Model;

namespace KnowledgeEngine.Rules.Compilation;

/// <summary>
/// Turns one condition into an engine element: settings become alpha tests written so that
/// identical settings in any rule compile to identical expressions (shared nodes, hash
/// dispatch on equality), <c>where</c> becomes the compiled expression, <c>count</c> an aggregate
/// and <c>absent</c> a not-element.
/// </summary>
internal sealed class ConditionCompiler(RuleContext rule)
{
    /// <summary>Names of conditions that did not hold: <c>where</c> parts reading them are dropped
    /// (a suspected match's view of the rule). Empty for the rule as written.</summary>
    public IReadOnlySet<string> Unavailable { get; init; } = new HashSet<string>();

    /// <summary>The <c>where</c> parts dropped so far, with the condition they belonged to.</summary>
    public List<(Model.ConditionModel Condition, string Part)> Dropped { get; } = [];

    public (RuleElement? Element, DeclarationInfo? Declaration) Compile(ConditionModel condition, string name)
    {
        var kind = condition.Kind.Value;
        var regex = condition.Property("regex") is { } r ? LazyRegex.Get(r.Value) : null;
        var own = new DeclarationInfo(condition.Count is null ? name : name + "$source", kind, FieldCatalog.ClrType(kind))
        {
            Regex = regex,
            Captures = regex is null ? new HashSet<string>() : regex.GroupNames.Where(g => !int.TryParse(g, out _)).ToHashSet(),
            DerivedFields = kind == FactKind.Fact && condition.Property("name") is { } fact ? rule.Derived.FieldsOf(fact.Value) : new HashSet<string>(),
        };
        var conditions = Settings(condition, own).ToList();
        if (condition.Where is { } where && CompileWhere(condition, where, own) is { } body)
        {
            conditions.Add(Lambda(body, own));
        }

        var pattern = new PatternElement(own.Declaration, conditions);
        if (condition.Absent?.Value == true)
        {
            rule.RequireBundle();
            return (new NotElement(pattern), null);
        }

        if (condition.Count is not { } count)
        {
            return (pattern, own);
        }

        var result = new DeclarationInfo(name, kind, typeof(AggregateResult)) { IsCount = true };
        var atLeast = count.AtLeast?.Value ?? 1;
        var n = Expression.Parameter(typeof(AggregateResult), name);
        var threshold = Typed(Expression.GreaterThanOrEqual(Expression.Property(n, nameof(AggregateResult.Count)), Expression.Constant(atLeast)), [n]);
        var window = count.Within is { } within
            ? new TimeWindow(within.Value, (Expression<Func<LogFact, DateTimeOffset?>>)(f => f.Timestamp))
            : null;
        return (new AggregateElement(result.Declaration, pattern, AggregateKind.Count, window, [threshold]), result);
    }

    private IEnumerable<LambdaExpression> Settings(ConditionModel condition, DeclarationInfo own)
    {
        var fact = own.Parameter;
        foreach (var (key, value) in condition.Properties.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            var text = Expression.Constant(value.Value);
            Expression? test = (condition.Kind.Value, key) switch
            {
                (FactKind.Log, "source") or (FactKind.Config, "file") or (FactKind.File, "path") =>
                    Expression.Call(typeof(Facts.Layouts.Glob), nameof(Facts.Layouts.Glob.AcceptsSource), null, text, Expression.Property(fact, nameof(Fact.Source))),
                (FactKind.Log, "contains") => Expression.Call(Expression.Property(fact, nameof(LogFact.Text)), typeof(string).GetMethod(nameof(string.Contains), [typeof(string), typeof(StringComparison)])!,
                    text, Expression.Constant(StringComparison.Ordinal)),
                (FactKind.Log, "regex") => Expression.Call(typeof(RegexCaptures), nameof(RegexCaptures.Matches), null, fact, Expression.Constant(own.Regex)),
                (FactKind.Log, "level") => Expression.Equal(Expression.Property(fact, nameof(LogFact.Level)), text),
                (FactKind.Log, "component") => GlobTest(text, Expression.Coalesce(Expression.Property(fact, nameof(LogFact.Component)), Expression.Constant(""))),
                (FactKind.Resource, "kind") => Expression.Equal(Expression.Property(fact, nameof(ResourceFact.ResourceKind)), text),
                (FactKind.Resource, "api") => Expression.Call(typeof(ResourceFact), nameof(ResourceFact.InApiGroup), null, Expression.Property(fact, nameof(ResourceFact.ApiVersion)), text),
                (FactKind.Resource, "name") => Expression.Equal(Expression.Property(fact, nameof(ResourceFact.Name)), text),
                (FactKind.Resource, "namespace") => Expression.Equal(Expression.Property(fact, nameof(ResourceFact.Namespace)), text),
                (FactKind.Config, "key") => Expression.Equal(Expression.Property(fact, nameof(ConfigFact.Key)), text),
                (FactKind.Config, "value") => Expression.Equal(Expression.Property(fact, nameof(ConfigFact.Value)), text),
                (FactKind.Bundle, "platform") => Expression.Equal(Expression.Property(fact, nameof(BundleFact.Platform)), text),
                (FactKind.Bundle, "layout") => Expression.Equal(Expression.Property(fact, nameof(BundleFact.Layout)), text),
                (FactKind.Bundle, "host") => Expression.Call(typeof(Enumerable), nameof(Enumerable.Contains), [typeof(string)], Expression.Property(fact, nameof(BundleFact.Hosts)), text),
                (FactKind.Fact, "name") => Expression.Equal(Expression.Property(fact, nameof(DerivedFact.Name)), text),
                _ => null,
            };
            if (test is not null)
            {
                yield return Typed(test, [fact]);
            }
        }

        if (DerivedContains(condition) is { } literal)
        {
            yield return Typed(Expression.Call(Expression.Property(fact, nameof(LogFact.Text)),
                typeof(string).GetMethod(nameof(string.Contains), [typeof(string), typeof(StringComparison)])!,
                Expression.Constant(literal), Expression.Constant(StringComparison.Ordinal)), [fact]);
        }

        // Without a source, a log condition reads every log file of its own platform's bundles and of bundles of no
        // platform the rules know: a Talos rule's "etcd:" is not looked for in a Cloudpods host log (the scan plan does
        // the same, ScanPlanCollector), whatever other rule's pattern brought the record in.
        if (condition.ScopedToPlatform(rule.Platform) is { } platform)
        {
            var bundlePlatform = Expression.Property(fact, nameof(LogFact.BundlePlatform));
            yield return Typed(Expression.OrElse(Expression.Equal(bundlePlatform, Expression.Constant(null, typeof(string))),
                Expression.Equal(bundlePlatform, Expression.Constant(platform))), [fact]);
        }

        // Text values found inside resources and configs are log facts too, seen only by a condition that
        // asks for them: a plain log condition keeps meaning "a log record".
        if (condition.Kind.Value == FactKind.Log && condition.Property("anywhere")?.Value != "true")
        {
            yield return Typed(Expression.NotEqual(Expression.Property(fact, nameof(LogFact.Format)), Expression.Constant(LogFact.ValueFormat)), [fact]);
        }
    }

    private static MethodCallExpression GlobTest(ConstantExpression glob, Expression path) =>
        Expression.Call(typeof(Facts.Layouts.Glob), nameof(Facts.Layouts.Glob.IsMatch), null, glob, path);

    private Expression? CompileWhere(Model.ConditionModel condition, Model.Located<string> where, DeclarationInfo own)
    {
        var origin = Loading.YamlSpans.ContentOrigin(where.Span, rule.File.Lines);
        var node = ExpressionParser.Parse(where.Value, origin, rule.Bag);
        if (node is not null && Unavailable.Count > 0)
        {
            var (kept, dropped) = JoinPruner.Prune(node, Unavailable);
            Dropped.AddRange(dropped.Select(part => (condition, part)));
            node = kept;
        }

        return node is null ? null : ExpressionCompiler.Compile(node, rule.Scope(own), rule.Bag, origin);
    }

    /// <summary>The own fact and every visible declaration as parameters: the engine reads
    /// earlier facts by parameter name, and an unused parameter costs nothing.</summary>
    private LambdaExpression Lambda(Expression body, DeclarationInfo own) =>
        Typed(body, [own.Parameter, .. rule.ParametersUsedBy(body)]);

    /// <summary>A lambda of the Func type named here. Without a type, Expression.Lambda looks the delegate type up under
    /// a process-wide lock, which the two cores compiling a diagnosis's rules fought over: 26 ms of the 60 ms a
    /// trace of the README example spent compiling its 30 rules.</summary>
    private static LambdaExpression Typed(Expression body, IReadOnlyList<ParameterExpression> parameters) =>
        Expression.Lambda(Expression.GetFuncType([.. parameters.Select(p => p.Type), body.Type]), body, parameters);

    /// <summary>
    /// The literal every match of a log condition's regex contains, when the condition gives no
    /// <c>contains</c> of its own and the regex requires exactly one: the engine dispatches substring tests
    /// of many conditions in one pass over a record, so the regex runs only on records holding its literal.
    /// Authors need not repeat a regex's literal by hand (lint flags one that does, KB059).
    /// </summary>
    internal static string? DerivedContains(ConditionModel condition) =>
        condition.Kind.Value == FactKind.Log && condition.Property("contains") is null && condition.Property("regex") is { } regex
        && Facts.RegexLiterals.From(regex.Value) is [var only] ? only : null;
}
