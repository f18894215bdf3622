using KnowledgeEngine.Rete;
using KnowledgeEngine.Rules.Model;

namespace KnowledgeEngine.Rules.Compilation;

/// <summary>Compiles a rule's <see cref="SuspectPlan"/>: run only after the rule itself compiled
/// without errors, so compiling its conditions again reports nothing new.</summary>
internal static class SuspectCompilation
{
    public static SuspectPlan? Compile(LoadedRule rule, Loading.FileContext file, DerivedSchema derived)
    {
        var model = rule.Model;
        if (model.Cause is null || !model.When.Any(c => c.IsSignature) || model.When.All(c => c.IsSignature))
        {
            return null;
        }

        var id = model.Id!.Value;
        var others = model.When.Where(c => !c.IsSignature).Select(c => c.Name?.Value).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var context = new RuleContext(file, derived);
        var compiler = new ConditionCompiler(context) { Unavailable = others };
        var signatures = new List<RuleElement>();
        var names = new List<string>();
        for (var i = 0; i < model.When.Count; i++)
        {
            var condition = model.When[i];
            if (!condition.IsSignature)
            {
                continue;
            }

            var name = RuleCompilation.WhenName(condition, i);
            var (element, declaration) = compiler.Compile(condition, name);
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
        for (var i = 0; i < model.When.Count; i++)
        {
            var condition = model.When[i];
            if (condition.IsSignature || !RuleCompilation.KnownFact(condition, derived, file.Bag))
            {
                continue;
            }

            var rest = others.Where(o => o != condition.Name?.Value).ToHashSet(StringComparer.Ordinal);
            var name = RuleCompilation.WhenName(condition, i);
            var (element, _) = new ConditionCompiler(context) { Unavailable = rest }.Compile(condition, name);
            checks.Add((rule.When.Single(c => ReferenceEquals(c.Model, condition)), element!));
        }

        var evidence = RuleCompilation.Items(model.Evidence, "evidence", context, compiler, derived);
        var against = RuleCompilation.Items(model.Against, "against", context, compiler, derived);
        var elements = context.Bundle is { } bundle ? [new PatternElement(bundle.Declaration, []), .. signatures] : signatures;
        ItemRule Item(LoadedCondition condition, RuleElement element, string kind, int index) =>
            new(condition, new RuleDefinition($"{id}#suspect-{kind}{index}", -1, [.. elements, element], []) { Tag = rule });
        return new SuspectPlan(
            new RuleDefinition($"{id}#suspect", -1, elements, []) { Tag = rule },
            checks.Select((c, i) => Item(c.Condition, c.Element, "check", i)).ToList(),
            evidence.Select((e, i) => Item(rule.Evidence.Single(l => ReferenceEquals(l.Model, e.Model)), e.Element, "evidence", i)).ToList(),
            against.Select((a, i) => Item(rule.Against.Single(l => ReferenceEquals(l.Model, a.Model)), a.Element, "against", i)).ToList(),
            names,
            compiler.Dropped.Select(d => d.Part).Distinct().ToList());
    }
}
