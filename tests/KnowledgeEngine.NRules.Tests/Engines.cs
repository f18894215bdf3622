namespace KnowledgeEngine.NRules.Tests;

/// <summary>The two back ends, for theories that hold every behaviour to both.</summary>
public static class Engines
{
    public static TheoryData<string> Names => new() { "ours", "nrules" };

    public static ISessionFactory Compile(string engine, params RuleDefinition[] rules) => engine switch
    {
        "ours" => RuleCompiler.Compile(rules),
        "nrules" => NRulesCompiler.Compile(rules),
        _ => throw new ArgumentException($"Unknown engine '{engine}'.", nameof(engine)),
    };
}
