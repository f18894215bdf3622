using System.Text.RegularExpressions;
using KnowledgeEngine.Rete;

namespace KnowledgeEngine.Rules;

/// <summary>
/// A rule written in code that runs in the same session as the YAML rules, for what the rule language cannot
/// say (a version comparison, arithmetic over several facts). It reads any facts and derives a
/// <see cref="DerivedFact"/>, which YAML rules read with <c>fact:</c> conditions; the cause, its evidence, fix and
/// report stay in YAML. The fact should be inserted logically (NRules' <c>Yield</c>), so that it goes with the match.
/// </summary>
public sealed partial class CodeRule
{
    /// <exception cref="ArgumentException">The fact name is not lower-case letters, digits and '_', or a field name is not either.</exception>
    public CodeRule(RuleDefinition definition, string fact, IReadOnlyList<string> fields)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(fields);
        foreach (var name in fields.Prepend(fact))
        {
            if (!NamePattern().IsMatch(name ?? ""))
            {
                throw new ArgumentException(
                    $"Code rule '{definition.Name}' derives '{fact}' with the field '{name}': names are lower-case letters, digits and '_', starting with a letter.", nameof(fields));
            }
        }

        Definition = definition;
        Fact = fact;
        Fields = fields.ToArray();
    }

    public RuleDefinition Definition { get; }

    /// <summary>The name of the fact the rule derives.</summary>
    public string Fact { get; }

    /// <summary>The fields the derived fact carries, which YAML rules may read.</summary>
    public IReadOnlyList<string> Fields { get; }

    public string Name => Definition.Name;

    /// <summary>The code rule a definition makes, with its fact and fields read from the <see cref="DerivesAttribute"/>
    /// of the class its <see cref="RuleDefinition.Tag"/> names (as front ends such as the NRules fluent one set it).</summary>
    /// <exception cref="ArgumentException">The definition's class carries no <see cref="DerivesAttribute"/>, or its names are malformed.</exception>
    public static CodeRule Of(RuleDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var derives = (definition.Tag as Type)?.GetCustomAttributes(typeof(DerivesAttribute), inherit: false).OfType<DerivesAttribute>().FirstOrDefault()
            ?? throw new ArgumentException(
                $"Code rule '{definition.Name}' does not say which fact it derives: put [Derives(\"fact_name\", \"field\", ...)] on its class.", nameof(definition));
        return new CodeRule(definition, derives.Fact, derives.Fields);
    }

    [GeneratedRegex("^[a-z][a-z0-9_]*$")]
    private static partial Regex NamePattern();
}
