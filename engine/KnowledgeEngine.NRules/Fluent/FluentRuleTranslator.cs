using System.Linq.Expressions;
using NRules.RuleModel;
using ExistsElement = KnowledgeEngine.Rete.ExistsElement;
using NotElement = KnowledgeEngine.Rete.NotElement;
using PatternElement = KnowledgeEngine.Rete.PatternElement;
using RuleDefinition = KnowledgeEngine.Rete.RuleDefinition;
using RuleElement = KnowledgeEngine.Rete.RuleElement;
using Declaration = KnowledgeEngine.Rete.Declaration;
using AggregateElement = NRules.RuleModel.AggregateElement;
using NRulesElement = NRules.RuleModel.RuleElement;

namespace KnowledgeEngine.NRules.Fluent;

/// <summary>
/// Translates a rule of NRules' canonical model (what the fluent DSL builds) into our engine-neutral
/// rule definition, so that it runs in the same session as the YAML rules on either engine. What the
/// two models share translates: patterns with their conditions and joins, <c>not</c>, <c>exists</c>,
/// priority, and actions, which get an NRules <see cref="IContext"/> over our action context. What has
/// no counterpart in our engine is refused with the rule's name and what to write instead.
/// </summary>
internal static class FluentRuleTranslator
{
    public static RuleDefinition Translate(IRuleDefinition rule)
    {
        var name = rule.Name;
        if (rule.DependencyGroup.Dependencies.Count > 0)
        {
            throw Refused(name, "it declares dependencies (Dependency().Resolve); the rule's action can build what it needs itself");
        }

        if (rule.FilterGroup.Filters.Count > 0)
        {
            throw Refused(name, "it has filters (Filter()); put the test in a condition of When()");
        }

        if (rule.Repeatability != RuleRepeatability.Repeatable)
        {
            throw Refused(name, "it is NonRepeatable; our engine fires a match again after an update to one of its facts, as NRules' default does");
        }

        var elements = new List<RuleElement>();
        foreach (var element in rule.LeftHandSide.ChildElements)
        {
            elements.Add(element switch
            {
                global::NRules.RuleModel.PatternElement { Source: null } pattern => Pattern(name, pattern),
                global::NRules.RuleModel.NotElement { Source: global::NRules.RuleModel.PatternElement { Source: null } pattern } => new NotElement(Pattern(name, pattern)),
                global::NRules.RuleModel.ExistsElement { Source: global::NRules.RuleModel.PatternElement { Source: null } pattern } => new ExistsElement(Pattern(name, pattern)),
                _ => throw Refused(name, $"its When() holds {Describe(element)}, which our engine has no counterpart for; " +
                                         "use Match, Not and Exists of single facts, and counts or windows in a YAML rule"),
            });
        }

        var actions = new List<Action<IActionContext>>();
        foreach (var action in rule.RightHandSide.Actions)
        {
            if (!action.ActionTrigger.HasFlag(ActionTrigger.Activated))
            {
                throw Refused(name, "it has an action that runs only when the match goes away (Undo); insert the fact with Yield or InsertLinked instead: " +
                                    "it is retracted with the match");
            }

            actions.Add(Action(rule, action.Expression));
        }

        if (actions.Count == 0)
        {
            throw Refused(name, "it has no action in Then()");
        }

        return new RuleDefinition(name, rule.Priority, elements, actions)
        {
            Tag = rule.Properties.TryGetProperty(global::NRules.Fluent.RuleProperties.ClrType, out var type) ? type.Value : null,
        };
    }

    private static PatternElement Pattern(string rule, global::NRules.RuleModel.PatternElement pattern)
    {
        var conditions = new List<LambdaExpression>();
        foreach (var expression in pattern.Expressions)
        {
            if (expression.Name != global::NRules.RuleModel.PatternElement.ConditionName)
            {
                throw Refused(rule, $"its pattern {pattern.Declaration.Name} holds a '{expression.Name}' expression, which our engine has no counterpart for");
            }

            conditions.Add(expression.Expression);
        }

        return new PatternElement(new Declaration(pattern.Declaration.Name, pattern.ValueType), conditions);
    }

    /// <summary>An NRules action is a lambda of the context and the declarations it reads, by name; ours
    /// takes our action context, from whose match the declarations are read.</summary>
    private static Action<IActionContext> Action(IRuleDefinition rule, LambdaExpression action)
    {
        var compiled = action.Compile();
        var declarations = action.Parameters.Skip(1).Select(p => p.Name!).ToArray();
        return context =>
        {
            var arguments = new object?[declarations.Length + 1];
            arguments[0] = new FluentContext(rule, context);
            for (var i = 0; i < declarations.Length; i++)
            {
                arguments[i + 1] = context.Match[declarations[i]];
            }

            try
            {
                compiled.DynamicInvoke(arguments);
            }
            catch (System.Reflection.TargetInvocationException e) when (e.InnerException is { } inner)
            {
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(inner);
            }
        };
    }

    private static string Describe(NRulesElement element) => element switch
    {
        global::NRules.RuleModel.PatternElement { Source: { } source } => $"a pattern over {Describe(source)}",
        global::NRules.RuleModel.NotElement or global::NRules.RuleModel.ExistsElement => "a not or exists over more than one fact",
        AggregateElement aggregate => $"an aggregate ({aggregate.Name})",
        _ => $"an element of kind {element.ElementType}",
    };

    private static RuleDefinitionException Refused(string rule, string why) => new(rule, $"This fluent rule cannot run in our session: {why}.");
}
