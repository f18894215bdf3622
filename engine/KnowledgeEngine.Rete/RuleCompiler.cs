using KnowledgeEngine.Rete.Network;
using KnowledgeEngine.Rete.Runtime;

namespace KnowledgeEngine.Rete;

/// <summary>Compiles rule definitions into one shared Rete network.</summary>
public static class RuleCompiler
{
    /// <exception cref="RuleDefinitionException">A rule reads an undeclared name or a wrong type.</exception>
    public static ISessionFactory Compile(IEnumerable<RuleDefinition> rules)
    {
        var list = rules.ToArray();
        var builder = new ReteBuilder();
        foreach (var rule in list)
        {
            builder.AddRule(rule);
        }

        return new SessionFactory(list, builder.Build());
    }
}

internal sealed class SessionFactory(IReadOnlyList<RuleDefinition> rules, ReteNetwork network) : ISessionFactory
{
    public IReadOnlyList<RuleDefinition> Rules { get; } = rules;

    internal ReteNetwork Network { get; } = network;

    public IReadOnlyDictionary<string, int> NetworkSummary => Network.CountByKind();

    public ISession CreateSession(SessionOptions? options = null) => new Session(Network, options ?? new SessionOptions());
}
