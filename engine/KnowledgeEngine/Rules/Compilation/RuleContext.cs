using System.Linq.Expressions;
using KnowledgeEngine.Rules.Expressions;
using KnowledgeEngine.Rules.Loading;

namespace KnowledgeEngine.Rules.Compilation;

/// <summary>The state of compiling one rule: the declarations conditions may read so far, and
/// whether some expression asked for the bundle's metadata.</summary>
internal sealed class RuleContext(FileContext file, DerivedSchema derived, string? platform)
{
    /// <summary>The rule's platform: a log condition without a <c>source</c> reads only that platform's bundles and
    /// bundles of no platform the rules know (<see cref="Facts.LogFact.BundlePlatform"/>).</summary>
    public string? Platform { get; } = platform;

    private readonly List<DeclarationInfo> _visible = [];
    private DeclarationInfo? _bundle;

    public FileContext File { get; } = file;

    public DiagnosticBag Bag => File.Bag;

    public DerivedSchema Derived { get; } = derived;

    /// <summary>The implicit <c>bundle</c> declaration, once an expression or an absent file needs it.</summary>
    public DeclarationInfo? Bundle => _bundle;

    public IReadOnlyList<DeclarationInfo> Visible => _visible;

    public void Declare(DeclarationInfo declaration) => _visible.Add(declaration);

    public DeclarationInfo RequireBundle() => _bundle ??= new DeclarationInfo("bundle", Model.FactKind.Bundle, typeof(Facts.BundleFact));

    public IExpressionScope Scope(DeclarationInfo? own, IReadOnlyList<DeclarationInfo>? visible = null) =>
        new ConditionScope(own, visible ?? _visible.ToArray(), RequireBundle);

    public IEnumerable<ParameterExpression> ParametersUsedBy(Expression body) =>
        KnowledgeEngine.Rete.LambdaCompiler.ParametersOf(body).Where(p => _visible.Any(d => d.Parameter == p) || p == _bundle?.Parameter).Distinct();
}
