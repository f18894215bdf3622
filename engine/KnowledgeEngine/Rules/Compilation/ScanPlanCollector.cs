using KnowledgeEngine.Facts;
using KnowledgeEngine.Rules.Model;

namespace KnowledgeEngine.Rules.Compilation;

/// <summary>What the scanner must keep for the loaded rules: each distinct literal, and each
/// regex of a log condition without a literal. A log condition with neither keeps every record.</summary>
internal static class ScanPlanCollector
{
    public static ScanPlan Collect(IEnumerable<RuleModel> rules)
    {
        var builder = ScanPlan.CreateBuilder();
        var literals = new HashSet<string>(StringComparer.Ordinal);
        var regexes = new HashSet<string>(StringComparer.Ordinal);
        var keepAll = false;
        foreach (var condition in rules.SelectMany(r => r.When.Concat(r.Evidence).Concat(r.Against)).Where(c => c.Kind.Value == FactKind.Log))
        {
            if (condition.Property("contains") is { } literal)
            {
                // The record must hold the literal anyway; the regex is tested by the rule itself.
                if (literals.Add(literal.Value))
                {
                    builder.AddLiteral($"literal{literals.Count}", literal.Value);
                }
            }
            else if (condition.Property("regex") is { } regex)
            {
                if (regexes.Add(regex.Value))
                {
                    builder.AddRegex($"regex{regexes.Count}", regex.Value);
                }
            }
            else
            {
                keepAll = true;
            }
        }

        if (keepAll)
        {
            builder.KeepAllRecords();
        }

        return builder.Build();
    }
}
