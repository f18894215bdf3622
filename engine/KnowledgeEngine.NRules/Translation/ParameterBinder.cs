using System.Linq.Expressions;
using KnowledgeEngine.Rete.Compilation;

namespace KnowledgeEngine.NRules.Translation;

/// <summary>
/// Renames a condition's parameters to the NRules declarations they read. Our engine binds a
/// parameter named after an earlier declaration to that declaration and any other one to the
/// pattern's own fact, whatever its name; NRules binds every parameter by name, so each is
/// replaced by a parameter carrying the NRules declaration's name and type.
/// </summary>
internal static class ParameterBinder
{
    public static LambdaExpression Bind(
        string ruleName, LambdaExpression condition, NRulesDeclaration? own, IReadOnlyDictionary<string, NRulesDeclaration> earlier)
    {
        var replacements = new Dictionary<ParameterExpression, Expression>();
        var parameters = new List<ParameterExpression>();
        var ownBound = false;
        foreach (var p in condition.Parameters)
        {
            NRulesDeclaration target;
            if (earlier.TryGetValue(p.Name ?? "", out var declared))
            {
                target = declared;
            }
            else if (own is not null && !ownBound)
            {
                target = own;
                ownBound = true;
            }
            else
            {
                throw new RuleDefinitionException(ruleName,
                    $"Undefined variable '{p.Name}' in a condition; Declared={string.Join(",", earlier.Keys)}");
            }

            if (!p.Type.IsAssignableFrom(target.Type))
            {
                throw new RuleDefinitionException(ruleName, $"Parameter '{p.Name}' is {p.Type.Name} but its declaration is {target.Type.Name}.");
            }

            var renamed = Expression.Parameter(target.Type, target.Name);
            parameters.Add(renamed);
            replacements[p] = p.Type == target.Type ? renamed : Expression.Convert(renamed, p.Type);
        }

        var body = new BindingRewriter(p => replacements.TryGetValue(p, out var replacement) ? replacement : p).Visit(condition.Body);
        return Expression.Lambda(body, parameters);
    }
}

/// <summary>A declaration as NRules knows it: a name unique in the rule, and the fact type.</summary>
internal sealed record NRulesDeclaration(string Name, Type Type);
