using KnowledgeEngine.NRules.Runtime;
using KnowledgeEngine.NRules.Translation;

namespace KnowledgeEngine.NRules;

/// <summary>Compiles rule definitions with NRules instead of our Rete engine. The sessions it
/// makes behave as ours do (see <see cref="AdapterSession"/>); our engine stays the faster default,
/// this one is a second, independent implementation to check it against.</summary>
public static class NRulesCompiler
{
    /// <exception cref="RuleDefinitionException">A rule reads an undeclared name or a wrong type, or two rules share a name.</exception>
    public static ISessionFactory Compile(IEnumerable<RuleDefinition> rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        var list = rules.ToArray();
        var shapes = new Dictionary<string, RuleShape>(StringComparer.Ordinal);
        var definitions = new List<global::NRules.RuleModel.IRuleDefinition>(list.Length);
        foreach (var rule in list)
        {
            var (definition, shape) = RuleTranslator.Translate(rule);
            if (!shapes.TryAdd(rule.Name, shape))
            {
                throw new RuleDefinitionException(rule.Name, "Another rule has the same name; rule names must be unique.");
            }

            definitions.Add(definition);
        }

        var compiler = new global::NRules.RuleCompiler();
        // Our sessions tell facts apart with their own comparer and hand NRules the stored object,
        // so NRules must compare by reference (its default calls Equals, which records override).
        compiler.FactIdentityComparerRegistry.DefaultFactIdentityComparer = ReferenceEqualityComparer.Instance;
        return new AdapterSessionFactory(list, shapes, compiler.Compile(definitions));
    }
}

internal sealed class AdapterSessionFactory(
    IReadOnlyList<RuleDefinition> rules, IReadOnlyDictionary<string, RuleShape> shapes, global::NRules.ISessionFactory inner) : ISessionFactory
{
    private readonly Lazy<IReadOnlyDictionary<string, int>> _summary = new(() => Summarize(inner));

    public IReadOnlyList<RuleDefinition> Rules { get; } = rules;

    /// <summary>NRules' own network, node counts by its node types (<c>JoinNode</c>, <c>AlphaMemoryNode</c>,
    /// <c>RuleNode</c>...), read from the schema of a session, which is where NRules exposes it.</summary>
    public IReadOnlyDictionary<string, int> NetworkSummary => _summary.Value;

    public ISession CreateSession(SessionOptions? options = null) => new AdapterSession(inner, shapes, options ?? new SessionOptions());

    private static IReadOnlyDictionary<string, int> Summarize(global::NRules.ISessionFactory factory)
    {
        var session = factory.CreateSession();
        var schema = ((global::NRules.Diagnostics.ISessionSchemaProvider)session).GetSchema();
        return schema.Nodes.GroupBy(n => n.NodeType + "Node").ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
    }
}
