using KnowledgeEngine.Rules.Expressions;
using KnowledgeEngine.Rules.Loading;
using KnowledgeEngine.Rules.Model;

namespace KnowledgeEngine.Rules.Compilation;

/// <summary>
/// The derived facts of a rule set: which rules derive each name with which fields, so that
/// <c>fact:</c> conditions can be checked, and the chains between rules, so that a cycle
/// (a rule needing, through others, the fact it derives itself) is reported at load time.
/// </summary>
internal sealed class DerivedSchema
{
    private readonly Dictionary<string, HashSet<string>> _fields = new(StringComparer.Ordinal);

    public DerivedSchema(IEnumerable<RuleModel> rules, IEnumerable<CodeRule> code)
    {
        foreach (var rule in code)
        {
            Add(rule.Fact, rule.Fields);
        }

        foreach (var rule in rules)
        {
            if (rule.Derive?.Fact is { } fact)
            {
                Add(fact.Value, rule.Derive.Fields.Select(f => f.Name.Value));
            }
        }
    }

    public IReadOnlyCollection<string> Names => _fields.Keys;

    private void Add(string fact, IEnumerable<string> fields) =>
        (_fields.TryGetValue(fact, out var known) ? known : _fields[fact] = []).UnionWith(fields);

    public bool Knows(string name) => _fields.ContainsKey(name);

    public IReadOnlySet<string> FieldsOf(string name) => _fields.GetValueOrDefault(name) ?? [];

    /// <summary>Reports a <c>fact:</c> condition on a name no rule derives.</summary>
    public bool Check(Located<string> name, DiagnosticBag bag)
    {
        if (Knows(name.Value))
        {
            return true;
        }

        var known = Names.Count == 0 ? "no rule derives any fact yet" : $"derived facts: {string.Join(", ", Names.Order(StringComparer.Ordinal))}";
        bag.Error(LoaderCodes.UnknownDerivedFact, name.Span, $"no rule derives a fact named '{name.Value}'",
            $"{NameSuggestions.Closest(name.Value, Names)}{known}; add derive: {{ fact: {name.Value}, ... }} to the rule that establishes it, or load the C# rule that derives it (--code-rules)");
        return false;
    }

    /// <summary>Reports every derive that takes part in a cycle, at its <c>fact</c>.</summary>
    public static void ReportCycles(IReadOnlyList<RuleModel> rules, DiagnosticBag bag)
    {
        // Edge: a fact a rule's conditions need → the fact that rule derives.
        var edges = new Dictionary<string, List<(string To, RuleModel Rule)>>(StringComparer.Ordinal);
        foreach (var rule in rules)
        {
            if (rule.Derive?.Fact is not { } derived)
            {
                continue;
            }

            foreach (var needed in rule.When.Where(c => c.Kind.Value == FactKind.Fact).Select(c => c.Property("name")?.Value).OfType<string>())
            {
                (edges.TryGetValue(needed, out var list) ? list : edges[needed] = []).Add((derived.Value, rule));
            }
        }

        var reported = new HashSet<RuleModel>();
        foreach (var start in edges.Keys.Order(StringComparer.Ordinal))
        {
            if (FindPath(edges, start, start, [start], []) is not { } cycle)
            {
                continue;
            }

            foreach (var (rule, _) in cycle.Where(c => reported.Add(c.Rule)))
            {
                var chain = string.Join(" → ", cycle.Select(c => c.Fact).Prepend(start));
                var names = string.Join(", ", cycle.Select(c => c.Rule.Name).Distinct());
                bag.Error(LoaderCodes.DeriveCycle, rule.Derive!.Fact!.Span, $"derived facts form a cycle: {chain} (rules {names})",
                    "a rule must not need, directly or through other rules, the fact it derives; remove one of the fact: conditions or derives in the cycle");
            }
        }
    }

    private static List<(RuleModel Rule, string Fact)>? FindPath(Dictionary<string, List<(string To, RuleModel Rule)>> edges, string at, string goal,
        HashSet<string> seen, List<(RuleModel, string)> path)
    {
        foreach (var (to, rule) in edges.GetValueOrDefault(at) ?? [])
        {
            List<(RuleModel, string)> next = [.. path, (rule, to)];
            if (to == goal)
            {
                return next;
            }

            if (seen.Add(to) && FindPath(edges, to, goal, seen, next) is { } found)
            {
                return found;
            }
        }

        return null;
    }
}
