using KnowledgeEngine.Rete;
using KnowledgeEngine.Rules.Loading;
using KnowledgeEngine.Rules.Model;

namespace KnowledgeEngine.Rules.Compilation;

/// <summary>Compiles one validated rule: its conditions, expressions and templates. Errors of
/// expressions and placeholders go to the file's bag; the result is then null.</summary>
internal static class RuleCompilation
{
    public static CompiledRule? Compile(RuleModel model, FileContext file, DerivedSchema derived)
    {
        var errorsBefore = file.Bag.ErrorCount;
        var context = new RuleContext(file, derived, model.Platform?.Value);
        var compiler = new ConditionCompiler(context);
        var elements = new List<RuleElement>();
        var when = new List<(ConditionModel Model, string Name, int Position)>();
        for (var i = 0; i < model.When.Count; i++)
        {
            var condition = model.When[i];
            if (!KnownFact(condition, derived, file.Bag))
            {
                continue;
            }

            var name = WhenName(condition, i);
            var (element, declaration) = compiler.Compile(condition, name);
            when.Add((condition, name, elements.Count));
            elements.Add(element!);
            if (declaration is not null && condition.Name is not null)
            {
                context.Declare(declaration);
            }
        }

        var whenNames = context.Visible.ToArray();
        var evidence = Items(model.Evidence, "evidence", context, compiler, derived);
        var against = Items(model.Against, "against", context, compiler, derived);
        var everything = whenNames.Concat(evidence.Select(e => e.Info)).Concat(against.Select(a => a.Info)).OfType<DeclarationInfo>().ToList();
        var values = Placeholders(model, context, whenNames, everything);
        if (file.Bag.ErrorCount != errorsBefore)
        {
            return null;
        }

        if (context.Bundle is { } bundle)
        {
            elements.Insert(0, new PatternElement(bundle.Declaration, []));
            everything.Add(bundle);
            when = when.Select(c => c with { Position = c.Position + 1 }).ToList();
        }

        var id = model.Id!.Value;
        var rule = new LoadedRule(model,
            when.Select(c => new LoadedCondition(c.Model, c.Model.IsSignature ? ConditionRole.Signature : ConditionRole.When, c.Name, c.Position)).ToList(),
            evidence.Select((e, i) => new LoadedCondition(e.Model, ConditionRole.Evidence, e.Name, i)).ToList(),
            against.Select((a, i) => new LoadedCondition(a.Model, ConditionRole.Against, a.Name, i)).ToList());
        var derive = model.Derive is { Fact: { } fact } d ? new DeriveAction(fact.Value, d.Fields, values) : null;
        var cause = new RuleDefinition(id, 0, elements, derive is null ? [] : [derive.Run]) { Tag = rule };
        ItemRule Item(LoadedCondition item, RuleElement element, string kind) =>
            new(item, new RuleDefinition($"{id}#{kind}{item.Position}", -1, [.. elements, element], []) { Tag = rule });
        return new CompiledRule(rule, cause,
            rule.Evidence.Select((e, i) => Item(e, evidence[i].Element, "evidence")).ToList(),
            rule.Against.Select((a, i) => Item(a, against[i].Element, "against")).ToList(),
            values, elements.Count)
        {
            Suspect = SuspectCompilation.Compile(rule, file, derived),
            Derive = derive,
        };
    }

    /// <summary>The declaration name of a when condition: its own, or one generated from its index.</summary>
    private static string WhenName(ConditionModel condition, int index) => condition.Name?.Value ?? $"_when{index}";

    public static List<(ConditionModel Model, RuleElement Element, DeclarationInfo? Info, string Name)> Items(
        IReadOnlyList<ConditionModel> items, string kind, RuleContext context, ConditionCompiler compiler, DerivedSchema derived)
    {
        var compiled = new List<(ConditionModel, RuleElement, DeclarationInfo?, string)>();
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            if (!KnownFact(item, derived, context.Bag))
            {
                continue;
            }

            var name = item.Name?.Value ?? $"_{kind}{i}";
            var (element, declaration) = compiler.Compile(item, name);
            compiled.Add((item, element!, item.Name is null ? null : declaration, name));
        }

        return compiled;
    }

    public static bool KnownFact(ConditionModel condition, DerivedSchema derived, DiagnosticBag bag) =>
        condition.Kind.Value != FactKind.Fact || condition.Property("name") is not { } name || derived.Check(name, bag);

    /// <summary>Compiles every placeholder of fix, verify and derive and every expected capture.
    /// Derive reads only when conditions: evidence may be missing while the rule holds.</summary>
    private static Dictionary<string, ValueReader> Placeholders(RuleModel model, RuleContext context,
        IReadOnlyList<DeclarationInfo> whenNames, IReadOnlyList<DeclarationInfo> everything)
    {
        var values = new Dictionary<string, ValueReader>(StringComparer.Ordinal);
        var all = context.Scope(null, everything);
        var when = context.Scope(null, whenNames);
        void Add(Placeholder placeholder, bool whenOnly, string where)
        {
            if (values.ContainsKey(placeholder.Path) && !whenOnly)
            {
                return;
            }

            var declarations = context.Bundle is { } b ? [.. everything, b] : everything;
            if (ValueReader.Compile(placeholder.Path, whenOnly ? when : all, declarations) is { } reader)
            {
                values[placeholder.Path] = reader;
                return;
            }

            var scope = whenOnly ? when : all;
            var known = string.Join(", ", scope.KnownNames.Where(n => n.Contains('.')).Take(8));
            context.Bag.Error(LoaderCodes.UnknownPlaceholder, placeholder.Span, $"{where} uses '{{{{ {placeholder.Path} }}}}', which no condition provides",
                $"{Expressions.NameSuggestions.Closest(placeholder.Path, scope.KnownNames)}" +
                (whenOnly ? "derive may only read when conditions (evidence can be missing); " : "") +
                (known.Length > 0 ? $"known: {known}" : "name a condition with 'as' and read one of its fields, e.g. {{ host.name }}"));
        }

        foreach (var (template, where) in new[] { (model.Cause?.SummaryTemplate, "the cause summary"), (model.Cause?.DetailTemplate, "the cause detail") })
        {
            template?.Value.Placeholders.ToList().ForEach(p => Add(p, false, where));
        }

        foreach (var step in model.Fix.Concat(model.Verify))
        {
            step.Value.Placeholders.ToList().ForEach(p => Add(p, false, model.Fix.Contains(step) ? "fix" : "verify"));
        }

        foreach (var field in model.Derive?.Fields ?? [])
        {
            field.Value.Value.Placeholders.ToList().ForEach(p => Add(p, true, $"derive field '{field.Name.Value}'"));
        }

        // Every regex capture of a named condition is a value too, for reports and examples.
        foreach (var declaration in everything.Where(d => d.Captures.Count > 0 && !d.IsCount))
        {
            foreach (var capture in declaration.Captures.Where(c => !values.ContainsKey($"{declaration.Name}.{c}")))
            {
                values[$"{declaration.Name}.{capture}"] = ValueReader.Compile($"{declaration.Name}.{capture}", all, everything)!;
            }
        }

        foreach (var (path, _) in model.Examples.SelectMany(e => e.Captures))
        {
            Add(new Placeholder(path.Value, 0, path.Value.Length, path.Span), false, "the example's captures");
        }

        return values;
    }
}
