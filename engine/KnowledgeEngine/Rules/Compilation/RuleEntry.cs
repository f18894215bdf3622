using KnowledgeEngine.Rules.Model;

namespace KnowledgeEngine.Rules.Compilation;

/// <summary>
/// A rule that loaded without errors, with its compiled form. A rule from a file validated when kb was built (the
/// built-in rules, for a diagnosis) is compiled when first needed: a diagnosis compiles only the rules the bundle's
/// facts can bring into the report (<see cref="Running.RuleRelevance"/>), which skipped most of the 120 ms the
/// published kb spent compiling the built-in rules. Everything a diagnosis reads before that comes from the model.
/// </summary>
internal sealed class RuleEntry
{
    private readonly Lazy<CompiledRule> _compiled;

    public RuleEntry(CompiledRule compiled)
    {
        Model = compiled.Model;
        _compiled = new(compiled);
    }

    public RuleEntry(RuleModel model, Func<CompiledRule> compile)
    {
        Model = model;
        _compiled = new(compile, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public RuleModel Model { get; }

    public string Id => Model.Id!.Value;

    /// <summary>The name of the fact the rule derives, or null.</summary>
    public string? Derives => Model.Derives;

    public bool IsCompiled => _compiled.IsValueCreated;

    public CompiledRule Compiled => _compiled.Value;
}
