using KnowledgeEngine.Facts;
using KnowledgeEngine.Rules.Model;

namespace KnowledgeEngine.Rules.Compilation;

/// <summary>What the scanner must keep for the loaded rules: each distinct literal, and each
/// regex of a log condition without a literal. A log condition with neither keeps every record.
/// A pattern that serves a <c>count:</c> condition is marked counted, so its records are not collapsed
/// into one fact with a repeat count: the count needs every record and its timestamp.</summary>
internal static class ScanPlanCollector
{
    public static ScanPlan Collect(IEnumerable<RuleModel> rules)
    {
        // Value → what serves it, in order of first use; a literal shared by a counted and an uncounted
        // condition is counted, since one pattern serves both, and is looked for in the files of both.
        var literals = new Dictionary<string, Use>(StringComparer.Ordinal);
        var regexes = new Dictionary<string, Use>(StringComparer.Ordinal);
        var keepAll = false;
        var keepRepeats = false;
        var values = false;
        foreach (var (rule, condition) in rules.SelectMany(r => r.When.Concat(r.Evidence).Concat(r.Against).Select(c => (r, c))).Where(x => x.c.Kind.Value == FactKind.Log))
        {
            var counted = condition.Count is not null;
            var gate = ScanGate.Of(condition, rule.When);
            // A gated condition reads only the files its partner matched in, so it is looked for only where the partner is.
            var source = condition.Property("source")?.Value ?? gate?.Property("source")?.Value;
            var anywhere = condition.Property("anywhere")?.Value == "true";
            values |= anywhere;
            if (condition.Property("contains") is { } literal)
            {
                // The record must hold the literal anyway; the regex is tested by the rule itself.
                literals[literal.Value] = literals.GetValueOrDefault(literal.Value).With(counted, source, anywhere);
            }
            else if (condition.Property("regex") is { } regex)
            {
                regexes[regex.Value] = regexes.GetValueOrDefault(regex.Value).With(counted, source, anywhere, gate is null ? null : Key(gate));
            }
            else
            {
                keepAll = true;
                // Any record may serve this count, so no record may be collapsed.
                keepRepeats |= counted;
            }
        }

        var builder = ScanPlan.CreateBuilder();
        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        var index = 0;
        foreach (var (literal, _) in literals)
        {
            ids[$"contains:{literal}"] = $"literal{++index}";
        }

        index = 0;
        foreach (var (regex, _) in regexes)
        {
            ids[$"regex:{regex}"] = $"regex{++index}";
        }

        foreach (var (literal, use) in literals)
        {
            builder.AddLiteral(ids[$"contains:{literal}"], literal, use.Counted).InFiles(use.Globs);
            if (use.Anywhere)
            {
                builder.InValues();
            }
        }

        foreach (var (regex, use) in regexes)
        {
            builder.AddRegex(ids[$"regex:{regex}"], regex, use.Counted).InFiles(use.Globs);
            if (use.Gate is { } gate)
            {
                builder.After(ids[gate]);
            }

            if (use.Anywhere)
            {
                builder.InValues();
            }
        }

        if (keepAll)
        {
            builder.KeepAllRecords();
        }

        if (keepRepeats)
        {
            builder.KeepRepeats();
        }

        if (values)
        {
            builder.ScanValues();
        }

        return builder.Build();
    }

    /// <summary>The pattern a condition is served by: its literal (a contains wins, as above) or its regex.</summary>
    private static string Key(ConditionModel condition) =>
        condition.Property("contains") is { } literal ? $"contains:{literal.Value}" : $"regex:{condition.Property("regex")!.Value}";

    /// <summary>How the conditions of one literal or regex use it: counted by any, the source globs of
    /// all (none when one of them has no source: then it is looked for in every log file), and the gate
    /// that opens it (see <see cref="ScanGate"/>), kept only while every use names the same one.</summary>
    private readonly record struct Use(bool Counted, string[]? Sources, bool Everywhere, bool Anywhere, string? Gate, bool Ungated, bool Seen)
    {
        public string[] Globs => Everywhere || Sources is null ? [] : Sources;

        public Use With(bool counted, string? source, bool anywhere, string? gate = null)
        {
            var ungated = Ungated || gate is null || (Seen && Gate != gate);
            return new(Counted || counted, source is null ? Sources : [.. Sources ?? [], source], Everywhere || source is null,
                Anywhere || anywhere, ungated ? null : gate, ungated, Seen: true);
        }
    }
}
