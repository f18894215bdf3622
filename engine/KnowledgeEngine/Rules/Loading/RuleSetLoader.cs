using KnowledgeEngine.Rules.Compilation;
using KnowledgeEngine.Rules.Model;
using KnowledgeEngine.Rules.Validation;

namespace KnowledgeEngine.Rules.Loading;

/// <summary>Loads rule files in four passes: read and validate each file, check what spans files
/// (duplicate ids, derived facts, cycles), compile each rule that is free of errors (a file validated
/// when kb was built, when first needed), and hand the engine all their definitions at once so they
/// share one network.</summary>
internal sealed class RuleSetLoader(KnowledgeCatalog? catalog, IReadOnlyList<CodeRule> code)
{
    private readonly DiagnosticBag _bag = new();
    private readonly TextPool _texts = new();

    public DiagnosticBag Bag => _bag;

    /// <summary>Reads rule files from disk (a text of null) or given as text.</summary>
    public List<(RuleModel Model, FileContext File, bool Validated)> Read(IEnumerable<RuleSource> files)
    {
        // Built on first use: its FluentValidation rules cost 60 ms to build in the published kb, and a load of
        // only validated files (the built-in rules, for a diagnosis) never uses it.
        var validator = new Lazy<RuleModelValidator>(() => new RuleModelValidator(catalog));
        var paths = files.ToList();
        // Files are independent: each is read, parsed and validated on any core into a bag of its own, and the
        // bags are merged in file order, so the diagnostics are exactly those of reading the files one by one.
        var results = new (RuleModel? Model, FileContext? File, DiagnosticBag Bag)[paths.Count];
        Parallel.For(0, paths.Count, i => results[i] = ReadOne(paths[i], validator));
        var read = new List<(RuleModel, FileContext, bool)>();
        for (var i = 0; i < results.Length; i++)
        {
            var (model, file, bag) = results[i];
            _bag.AddRange(bag);
            if (model is not null)
            {
                read.Add((model, file!.WithBag(_bag), paths[i].Validated));
            }
        }

        return read;
    }

    private (RuleModel? Model, FileContext? File, DiagnosticBag Bag) ReadOne(RuleSource source, Lazy<RuleModelValidator> validator)
    {
        var bag = new DiagnosticBag();
        var (path, given) = source;
        var display = path.Replace('\\', '/');
        if (source is { Model: { } ready, Validated: true, Text: { } readyText })
        {
            return (ready, new FileContext(display, readyText, bag, _texts), bag);
        }

        string text;
        try
        {
            text = given ?? File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            bag.Error(LoaderCodes.UnreadableFile, new SourceSpan(display, 1, 1, 1, 1), $"cannot read the rule file: {e.Message}", "check that the file exists and is readable");
            return (null, null, bag);
        }

        if (!source.ReadExamples)
        {
            text = ExampleSection.Without(text);
        }

        var file = new FileContext(display, text, bag, _texts);
        if (RuleReader.Read(file) is not { } model)
        {
            return (null, file, bag);
        }

        if (!source.Validated)
        {
            validator.Value.Validate(model).CopyTo(bag);
        }

        return (model, file, bag);
    }

    /// <summary>The rules without errors, in file order. A validated file's rule is compiled when first needed
    /// (<see cref="RuleEntry"/>); it is still checked against the other files here.</summary>
    public List<RuleEntry> Compile(List<(RuleModel Model, FileContext File, bool Validated)> read)
    {
        ReportDuplicateIds(read.Select(r => r.Model));
        ReportUnknownAlso(read.Select(r => r.Model).ToList());
        var models = read.Select(r => r.Model).ToList();
        var derived = new DerivedSchema(models, code);
        DerivedSchema.ReportCycles(models, _bag);
        var errors = _bag.Items.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        var broken = errors.Select(d => d.Span.File).ToHashSet(StringComparer.Ordinal);
        // Rules compile independently (the schema is only read), so like reading they run on every
        // core, each into a bag of its own, merged in file order. A file with errors is compiled too, so
        // that its expression and template mistakes are reported with the others at once; its rule is
        // dropped.
        var results = new (RuleEntry? Rule, DiagnosticBag Bag)[read.Count];
        Parallel.For(0, read.Count, i =>
        {
            var (model, file, validated) = read[i];
            var bag = new DiagnosticBag();
            results[i] = broken.Contains(file.Path) ? (null, CheckBroken(model, file, derived, errors))
                : validated ? (new RuleEntry(model, () => CompileValidated(model, file, derived)), bag)
                : (RuleCompilation.Compile(model, file.WithBag(bag), derived) is { } rule ? new RuleEntry(rule) : null, bag);
        });
        var compiled = new List<RuleEntry>();
        foreach (var (rule, bag) in results)
        {
            _bag.AddRange(bag);
            if (rule is not null)
            {
                compiled.Add(rule);
            }
        }

        return compiled;
    }

    /// <summary>Compiles a rule of a file validated when kb was built. Such a file compiles: kb lint and the tests
    /// check every built-in rule before a build ships, so an error here is a broken build, not a user's mistake.</summary>
    private static CompiledRule CompileValidated(RuleModel model, FileContext file, DerivedSchema derived)
    {
        var bag = new DiagnosticBag();
        return RuleCompilation.Compile(model, file.WithBag(bag), derived)
            ?? throw new InvalidOperationException(
                $"The built-in rule {file.Path} does not compile, so this kb build is broken; rebuild it. {string.Join(" ", bag.Items)}");
    }

    /// <summary>The compile errors of a file that already has errors, except on lines an error already
    /// names (one mistake, one message). Compiling assumes a valid rule (an invalid regex throws, for
    /// one), so a rule too broken to compile yields only the errors found before.</summary>
    private static DiagnosticBag CheckBroken(RuleModel model, FileContext file, DerivedSchema derived, List<Diagnostic> errors)
    {
        var scratch = new DiagnosticBag();
        try
        {
            RuleCompilation.Compile(model, file.WithBag(scratch), derived);
        }
        catch (Exception e) when (e is NullReferenceException or InvalidOperationException or ArgumentException)
        {
            return new DiagnosticBag();
        }

        var taken = errors.Where(d => d.Span.File == file.Path).Select(d => d.Span.Line).ToHashSet();
        var kept = new DiagnosticBag();
        foreach (var diagnostic in scratch.Items.Where(d => d.Severity == DiagnosticSeverity.Error && !taken.Contains(d.Span.Line)))
        {
            kept.Add(diagnostic);
        }

        return kept;
    }

    private void ReportUnknownAlso(List<RuleModel> models)
    {
        var ids = models.Where(m => m.Id is not null).Select(m => m.Id!.Value).ToHashSet(StringComparer.Ordinal);
        foreach (var also in models.SelectMany(m => m.Examples).SelectMany(e => e.Also).Where(a => !ids.Contains(a.Value)))
        {
            _bag.Error(LoaderCodes.UnknownRule, also.Span, $"also names '{also.Value}', which is not a loaded rule",
                $"{Expressions.NameSuggestions.Closest(also.Value, ids)}list rule ids of the loaded rules; load that rule's file too");
        }
    }

    private void ReportDuplicateIds(IEnumerable<RuleModel> models)
    {
        foreach (var group in models.Where(m => m.Id is not null).GroupBy(m => m.Id!.Value).Where(g => g.Count() > 1))
        {
            var first = group.First().Id!.Span;
            foreach (var duplicate in group.Skip(1))
            {
                _bag.Error(LoaderCodes.DuplicateId, duplicate.Id!.Span, $"rule id '{group.Key}' is already used by {first}",
                    "give every rule its own id; if both files describe one scenario, merge them");
            }
        }

        var names = code.Select(c => c.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var model in models.Where(m => m.Id is not null && names.Contains(m.Id.Value)))
        {
            _bag.Error(LoaderCodes.DuplicateId, model.Id!.Span, $"rule id '{model.Id.Value}' is also the name of a code rule",
                "give the code rule another name (its [Name] attribute), e.g. one ending in -check");
        }
    }
}
