using System.Linq.Expressions;

namespace KnowledgeEngine.Rete.Compilation;

/// <summary>
/// What each parameter of a condition reads, as every back end binds it: a parameter named after an earlier
/// declaration reads that declaration (the latest of that name); the one other parameter, whatever its name,
/// is the pattern's own fact. Each must be of a type the declaration's facts are assignable to.
/// </summary>
internal static class ParameterResolver
{
    /// <summary>The declaration each parameter of <paramref name="condition"/> reads, in parameter order.</summary>
    /// <param name="earlier">The declaration an earlier element made under a name, or null.</param>
    /// <exception cref="RuleDefinitionException">Two parameters name no earlier declaration, or a type does not fit.</exception>
    public static IReadOnlyList<(ParameterExpression Parameter, Declaration Target, bool IsOwn)> Resolve(
        string ruleName, LambdaExpression condition, Declaration own, Func<string, Declaration?> earlier, IEnumerable<string> declared)
    {
        var resolved = new List<(ParameterExpression, Declaration, bool)>(condition.Parameters.Count);
        ParameterExpression? ownParameter = null;
        foreach (var p in condition.Parameters)
        {
            if (earlier(p.Name ?? "") is { } target)
            {
                if (!p.Type.IsAssignableFrom(target.Type))
                {
                    throw new RuleDefinitionException(ruleName, $"Parameter '{p.Name}' is {p.Type.Name} but declaration '{p.Name}' is {target.Type.Name}.");
                }

                resolved.Add((p, target, false));
                continue;
            }

            if (ownParameter is not null)
            {
                throw new RuleDefinitionException(ruleName,
                    $"Undefined variables in condition on '{own.Name}'. Variables={ownParameter.Name},{p.Name} Declared={string.Join(",", declared)}");
            }

            if (!p.Type.IsAssignableFrom(own.Type))
            {
                throw new RuleDefinitionException(ruleName, $"Parameter '{p.Name}' is {p.Type.Name} but the pattern '{own.Name}' matches {own.Type.Name}.");
            }

            ownParameter = p;
            resolved.Add((p, own, true));
        }

        return resolved;
    }
}
