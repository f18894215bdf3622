using System.Linq.Expressions;
using KnowledgeEngine.NRules.Runtime;
using NRules.RuleModel;
using AggregateElement = KnowledgeEngine.Rete.AggregateElement;
using Declaration = KnowledgeEngine.Rete.Declaration;
using ExistsElement = KnowledgeEngine.Rete.ExistsElement;
using NotElement = KnowledgeEngine.Rete.NotElement;
using PatternElement = KnowledgeEngine.Rete.PatternElement;
using NRules.RuleModel.Builders;
using RuleBuilder = NRules.RuleModel.Builders.RuleBuilder;

namespace KnowledgeEngine.NRules.Translation;

/// <summary>Translates one of our rule definitions into NRules' canonical rule model. Each element
/// gets an NRules declaration named by its position (d0, d1, ...), because our not/exists and
/// aggregate source patterns may reuse names that NRules would see as clashes. The rule has no
/// NRules actions: the adapter session fires our actions itself, in our agenda order.</summary>
internal static class RuleTranslator
{
    public static (IRuleDefinition Definition, RuleShape Shape) Translate(RuleDefinition rule)
    {
        var builder = new RuleBuilder();
        builder.Name(rule.Name);
        builder.Priority(rule.Salience);
        var lhs = builder.LeftHandSide();
        var earlier = new Dictionary<string, NRulesDeclaration>(StringComparer.Ordinal);
        var bound = new string?[rule.Elements.Count];
        var declarations = new Declaration[rule.Elements.Count];
        for (var i = 0; i < rule.Elements.Count; i++)
        {
            var name = "d" + i;
            switch (rule.Elements[i])
            {
                case PatternElement pattern:
                    AddPattern(rule.Name, lhs.Pattern(pattern.Declaration.Type, name), pattern, earlier);
                    Declare(rule.Name, earlier, pattern.Declaration, name);
                    bound[i] = name;
                    declarations[i] = pattern.Declaration;
                    break;
                case NotElement not:
                    AddPattern(rule.Name, lhs.Not().Pattern(not.Pattern.Declaration.Type, name), not.Pattern, earlier);
                    declarations[i] = Unbound(i);
                    break;
                case ExistsElement exists:
                    AddPattern(rule.Name, lhs.Exists().Pattern(exists.Pattern.Declaration.Type, name), exists.Pattern, earlier);
                    declarations[i] = Unbound(i);
                    break;
                case AggregateElement aggregate:
                    AddAggregate(rule.Name, lhs.Pattern(typeof(AggregateResult), name), aggregate, name, earlier);
                    Declare(rule.Name, earlier, aggregate.Result, name);
                    bound[i] = name;
                    declarations[i] = aggregate.Result;
                    break;
                default:
                    throw new RuleDefinitionException(rule.Name, $"Unsupported element. ElementType={rule.Elements[i].GetType().Name}");
            }
        }

        // NRules requires an action; it never runs, since the adapter keeps NRules' agenda empty.
        var context = Expression.Parameter(typeof(IContext), "context");
        builder.RightHandSide().Action(Expression.Lambda(Expression.Empty(), context));
        return (builder.Build(), new RuleShape(rule, declarations, bound));
    }

    private static void AddPattern(
        string ruleName, PatternBuilder target, PatternElement pattern, IReadOnlyDictionary<string, NRulesDeclaration> earlier)
    {
        var own = new NRulesDeclaration(target.Declaration.Name, pattern.Declaration.Type);
        foreach (var condition in pattern.Conditions)
        {
            RequireBool(ruleName, condition);
            target.Condition(ParameterBinder.Bind(ruleName, condition, pattern.Declaration.Name, own, earlier));
        }
    }

    private static void AddAggregate(
        string ruleName, PatternBuilder result, AggregateElement aggregate, string name, IReadOnlyDictionary<string, NRulesDeclaration> earlier)
    {
        var source = new NRulesDeclaration(name + "s", aggregate.Source.Declaration.Type);
        var expressions = new List<KeyValuePair<string, LambdaExpression>>();
        if (aggregate.Window is { } window)
        {
            if (window.Timestamp.Parameters.Count != 1)
            {
                throw new RuleDefinitionException(ruleName, "A time window's timestamp selector takes exactly the aggregated fact.");
            }

            var timestamp = ParameterBinder.Bind(ruleName, window.Timestamp, aggregate.Source.Declaration.Name, source, new Dictionary<string, NRulesDeclaration>());
            var own = Expression.Parameter(source.Type, source.Name);
            expressions.Add(new(WindowAggregatorFactory.TimestampName,
                Expression.Lambda(Expression.Convert(timestamp.Body, typeof(DateTimeOffset?)), timestamp.Parameters)));
            // NRules hands a custom aggregator only expressions, so the window's length travels as a constant one.
            expressions.Add(new(WindowAggregatorFactory.LengthName, Expression.Lambda(Expression.Constant(window.Length), own)));
        }

        // Two equal aggregates of one rule would share one NRules node, and an update of a fact both count then
        // left the old match beside the new one (the differential test: Pattern B, Count>=1 C(Value==1) twice).
        // Naming the element in the aggregate keeps each its own node; the aggregator ignores the name.
        expressions.Add(new(WindowAggregatorFactory.ElementName,
            Expression.Lambda(Expression.Constant(name), Expression.Parameter(source.Type, source.Name))));
        var builder = result.Aggregate();
        builder.Aggregator(WindowAggregatorFactory.Name, expressions, typeof(WindowAggregatorFactory));
        AddPattern(ruleName, builder.Pattern(source.Type, source.Name), aggregate.Source, earlier);
        var resultDeclaration = new NRulesDeclaration(name, typeof(AggregateResult));
        foreach (var condition in aggregate.ResultConditions)
        {
            RequireBool(ruleName, condition);
            result.Condition(ParameterBinder.Bind(ruleName, condition, aggregate.Result.Name, resultDeclaration, earlier));
        }
    }

    private static void Declare(string ruleName, Dictionary<string, NRulesDeclaration> earlier, Declaration declaration, string name)
    {
        if (!earlier.TryAdd(declaration.Name, new NRulesDeclaration(name, declaration.Type)))
        {
            throw new RuleDefinitionException(ruleName, $"Declaration '{declaration.Name}' is made twice; give each element its own name.");
        }
    }

    private static void RequireBool(string ruleName, LambdaExpression condition)
    {
        if (condition.ReturnType != typeof(bool))
        {
            throw new RuleDefinitionException(ruleName, $"Condition must return bool. Condition={condition}");
        }
    }

    /// <summary>The placeholder our engine puts in a match for an element that binds no fact.</summary>
    private static Declaration Unbound(int index) => new($"${index}", typeof(object));
}
