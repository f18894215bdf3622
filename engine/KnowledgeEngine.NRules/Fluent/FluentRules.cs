using System.Reflection;
using NRules.Fluent;
using NRules.Fluent.Dsl;
using NRules;
using NRules.RuleModel;
using RuleDefinitionException = KnowledgeEngine.Rete.RuleDefinitionException;

namespace KnowledgeEngine.NRules.Fluent;

/// <summary>
/// Rules written in C# with NRules' fluent DSL (classes deriving from <see cref="Rule"/>), as our
/// engine-neutral rule definitions: they run in the same session as the YAML rules, on our engine
/// or the NRules back end, for what the rule language cannot say. Each definition's
/// <see cref="RuleDefinition.Tag"/> is the rule's class. docs/engines.md, "C# rules", shows a whole example.
/// </summary>
public static class FluentRules
{
    /// <summary>Every public, non-abstract fluent rule class of the assembly, in name order.</summary>
    /// <exception cref="RuleDefinitionException">A rule uses what our engine has no counterpart for, or its Define() throws.</exception>
    public static IReadOnlyList<RuleDefinition> FromAssembly(Assembly assembly)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        var repository = new RuleRepository();
        try
        {
            repository.Load(spec => spec.From(assembly));
        }
        catch (global::NRules.Fluent.RuleDefinitionException e)
        {
            throw DefineFailed(e.RuleType, e);
        }

        return Translate(repository.GetRules().OrderBy(r => r.Name, StringComparer.Ordinal));
    }

    /// <summary>The given fluent rule instances.</summary>
    /// <exception cref="RuleDefinitionException">A rule uses what our engine has no counterpart for, or its Define() throws.</exception>
    public static IReadOnlyList<RuleDefinition> From(params IEnumerable<Rule> rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        var factory = new RuleDefinitionFactory();
        var definitions = new List<IRuleDefinition>();
        foreach (var rule in rules)
        {
            try
            {
                definitions.Add(factory.Create(rule));
            }
            catch (global::NRules.Fluent.RuleDefinitionException e)
            {
                throw DefineFailed(rule.GetType(), e);
            }
        }

        return Translate(definitions);
    }

    /// <summary>Rules of NRules' canonical model, however they were built.</summary>
    /// <exception cref="RuleDefinitionException">A rule uses what our engine has no counterpart for.</exception>
    public static IReadOnlyList<RuleDefinition> Translate(IEnumerable<IRuleDefinition> rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        return rules.Select(FluentRuleTranslator.Translate).ToList();
    }

    private static RuleDefinitionException DefineFailed(Type rule, Exception e) =>
        new(new RuleMetadata(rule).Name, $"Its Define() failed: {(e.InnerException ?? e).Message}");
}
