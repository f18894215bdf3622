using KnowledgeEngine.Rete;
using KnowledgeEngine.Rules.Model;

namespace KnowledgeEngine.Rules.Compilation;

/// <summary>Compiles a rule's <see cref="SuspectPlan"/>: run only after the rule itself compiled
/// without errors, so compiling its conditions again reports nothing new.</summary>
internal static class SuspectCompilation
{
    public static SuspectPlan? Compile(LoadedRule rule, Loading.FileContext file, DerivedSchema derived)
    {
        if (!rule.Signatures.Any() || rule.When.All(c => c.Role == ConditionRole.Signature))
        {
            return null;
        }

        var id = rule.Id;
        var others = rule.When.Where(c => c.Role == ConditionRole.When).Select(c => c.DeclaredName).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var context = new RuleContext(file, derived, rule.Platform);
        var compiler = new ConditionCompiler(context) { Unavailable = others };
        var signatures = new List<RuleElement>();
        var names = new List<string>();
        // The loaded conditions carry the declaration names the rule itself was compiled with.
        foreach (var signature in rule.Signatures)
        {
            var condition = signature.Model;
            var (element, declaration) = compiler.Compile(condition, signature.Name);
            signatures.Add(element!);
            if (declaration is null)
            {
                continue; // an absent signature binds no fact
            }

            names.Add(declaration.Name);
            if (condition.Name is not null)
            {
                context.Declare(declaration);
            }
        }

        // Each other condition is checked on top of the signatures alone; the joins it has to the
        // remaining other conditions are dropped like the signatures' own.
        var checks = new List<(LoadedCondition Condition, RuleElement Element)>();
        foreach (var other in rule.When.Where(c => c.Role == ConditionRole.When))
        {
            var rest = others.Where(o => o != other.DeclaredName).ToHashSet(StringComparer.Ordinal);
            var (element, _) = new ConditionCompiler(context) { Unavailable = rest }.Compile(other.Model, other.Name);
            checks.Add((other, element!));
        }

        // Compiled before the elements are fixed: an item reading bundle.* adds the implicit bundle element.
        var evidence = rule.Evidence.Select(e => (Item: e, compiler.Compile(e.Model, e.Name).Element)).ToList();
        var against = rule.Against.Select(a => (Item: a, compiler.Compile(a.Model, a.Name).Element)).ToList();
        var elements = context.Bundle is { } bundle ? [new PatternElement(bundle.Declaration, []), .. signatures] : signatures;
        ItemRule Item(LoadedCondition condition, RuleElement element, string kind, int index) =>
            new(condition, new RuleDefinition($"{id}#suspect-{kind}{index}", -1, [.. elements, element], []) { Tag = rule });
        return new SuspectPlan(
            new RuleDefinition($"{id}#suspect", -1, elements, []) { Tag = rule },
            checks.Select((c, i) => Item(c.Condition, c.Element, "check", i)).ToList(),
            evidence.Select((e, i) => Item(e.Item, e.Element!, "evidence", i)).ToList(),
            against.Select((a, i) => Item(a.Item, a.Element!, "against", i)).ToList(),
            names,
            compiler.Dropped.Select(d => d.Part).Distinct().ToList());
    }
}
