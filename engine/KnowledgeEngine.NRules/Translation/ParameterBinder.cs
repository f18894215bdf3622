using System.Linq.Expressions;
using KnowledgeEngine.Rete.Compilation;

namespace KnowledgeEngine.NRules.Translation;

/// <summary>
/// Renames a condition's parameters to the NRules declarations they read. Which declaration each
/// reads is decided as in our engine (<see cref="ParameterResolver"/>); NRules binds every parameter
/// by name, so each is replaced by a parameter carrying the NRules declaration's name and type.
/// </summary>
internal static class ParameterBinder
{
    /// <param name="ownName">The pattern's declaration in our rule, for the messages.</param>
    public static LambdaExpression Bind(
        string ruleName, LambdaExpression condition, string ownName, NRulesDeclaration own, IReadOnlyDictionary<string, NRulesDeclaration> earlier)
    {
        // Resolved as our engine resolves them; each earlier declaration stands in under its name in our rule.
        var ours = earlier.ToDictionary(e => e.Key, e => (Theirs: e.Value, Ours: new Declaration(e.Key, e.Value.Type)), StringComparer.Ordinal);
        var resolved = ParameterResolver.Resolve(ruleName, condition, new Declaration(ownName, own.Type),
            name => ours.TryGetValue(name, out var d) ? d.Ours : null, earlier.Keys);
        var replacements = new Dictionary<ParameterExpression, Expression>();
        var parameters = new List<ParameterExpression>();
        foreach (var (p, target, isOwn) in resolved)
        {
            var declaration = isOwn ? own : ours[target.Name].Theirs;
            var renamed = Expression.Parameter(declaration.Type, declaration.Name);
            parameters.Add(renamed);
            replacements[p] = p.Type == declaration.Type ? renamed : Expression.Convert(renamed, p.Type);
        }

        var body = new BindingRewriter(p => replacements.TryGetValue(p, out var replacement) ? replacement : p).Visit(condition.Body);
        return Expression.Lambda(body, parameters);
    }
}

/// <summary>A declaration as NRules knows it: a name unique in the rule, and the fact type.</summary>
internal sealed record NRulesDeclaration(string Name, Type Type);
