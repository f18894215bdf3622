using KnowledgeEngine.Rules.Expressions;

namespace KnowledgeEngine.Rules.Compilation;

/// <summary>
/// The names one expression may use: <c>name.field</c> of an earlier (visible) declaration, the
/// own fact's fields bare, and <c>bundle.field</c>, which pulls the bundle fact into the rule.
/// </summary>
internal sealed class ConditionScope(DeclarationInfo? own, IReadOnlyList<DeclarationInfo> visible, Func<DeclarationInfo> bundle) : IExpressionScope
{
    /// <summary>First segments refused as a typo of a condition name: the compiler asks again for
    /// the prefix alone, which must not then pass as a resource field.</summary>
    private readonly HashSet<string> _typos = new(StringComparer.Ordinal);

    public ScopeBinding? Resolve(IReadOnlyList<PathSegment> path)
    {
        if (path[0].MemberName is not { } first)
        {
            return null;
        }

        var named = visible.LastOrDefault(d => d.Name == first) ?? (first == "bundle" ? bundle() : null);
        if (named is not null)
        {
            return path.Count == 2 && path[1].MemberName is { } field ? FieldCatalog.Bind(named, named.Parameter, field) : null;
        }

        // A typo of an earlier name would otherwise read a resource's JSON and silently never match.
        if (own is null || _typos.Contains(first))
        {
            return null;
        }

        // Only name.field can mean a condition (nic[0] cannot), and short names are close to many others:
        // 'nic' is two edits from 'vpc' but no typo of it.
        var limit = first.Length <= 4 ? 1 : 2;
        if (path.Count > 1 && path[1].MemberName is not null && visible.Any(d => NameSuggestions.Distance(d.Name, first) <= limit)
            && !FieldCatalog.Names(own.Kind).Contains(first))
        {
            _typos.Add(first);
            return null;
        }

        return path.Count == 1 ? FieldCatalog.Bind(own, own.Parameter, first) : null;
    }

    public IEnumerable<string> KnownNames =>
        (own is null ? [] : FieldCatalog.KnownFields(own))
            .Concat(visible.SelectMany(d => FieldCatalog.KnownFields(d).Select(f => $"{d.Name}.{f}")))
            .Concat(FieldCatalog.Names(Model.FactKind.Bundle).Select(f => $"bundle.{f}"));
}
