using KnowledgeEngine.Facts;
using KnowledgeEngine.Rules.Model;

namespace KnowledgeEngine.Rules.Compilation;

/// <summary>What the scanner must keep for the loaded rules: each distinct literal, and each
/// regex of a log condition without a literal. A log condition with neither keeps every record.
/// A pattern that serves a <c>count:</c> condition is marked counted, so its records are not collapsed
/// into one fact with a repeat count: the count needs every record and its timestamp. A condition without a
/// <c>source</c> is looked for in every log file of its rule's platform's bundles, and of bundles of no platform
/// the rules know (<see cref="ScanPattern.Platforms"/>): what its compiled condition reads (ConditionCompiler).</summary>
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
        var rulesList = rules as IReadOnlyCollection<RuleModel> ?? rules.ToList();
        foreach (var (rule, condition) in rulesList.SelectMany(r => r.Conditions.Select(c => (r, c))).Where(x => x.c.Kind.Value == FactKind.Log))
        {
            var counted = condition.Count is not null;
            var gate = ScanGate.Of(condition, rule.When);
            // A gated condition reads only the files its partner matched in, so it is looked for only where the partner is.
            var source = condition.Property("source")?.Value ?? gate?.Property("source")?.Value;
            var anywhere = condition.Property("anywhere")?.Value == "true";
            values |= anywhere;
            if (PatternOf(condition) is not { } pattern)
            {
                keepAll = true;
                // Any record may serve this count, so no record may be collapsed.
                keepRepeats |= counted;
                continue;
            }

            var uses = pattern.IsRegex ? regexes : literals;
            uses[pattern.Text] = uses.GetValueOrDefault(pattern.Text).With(counted, source, rule.Platform?.Value, anywhere, gate is null ? null : PatternOf(gate));
        }

        var builder = new ScanPlanBuilder { PatternsChecked = true }
            .KnowPlatforms(rulesList.Select(r => r.Platform?.Value).OfType<string>());
        var ids = new Dictionary<(bool IsRegex, string Text), string>();
        var index = 0;
        foreach (var (literal, _) in literals)
        {
            ids[(false, literal)] = $"literal{++index}";
        }

        index = 0;
        foreach (var (regex, _) in regexes)
        {
            ids[(true, regex)] = $"regex{++index}";
        }

        foreach (var (literal, use) in literals)
        {
            builder.AddLiteral(ids[(false, literal)], literal, use.Counted).InFiles(use.Globs).OnPlatforms(use.PlatformList);
            if (use.Anywhere)
            {
                builder.InValues();
            }
        }

        foreach (var (regex, use) in regexes)
        {
            builder.AddRegex(ids[(true, regex)], regex, use.Counted).InFiles(use.Globs).OnPlatforms(use.PlatformList);
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

    /// <summary>The scan pattern that serves a log condition: its contains literal when it has one (the
    /// record must hold it anyway; the regex is tested by the rule itself), else its regex; null for a
    /// condition with neither, which keeps every record. As <see cref="ScanPattern.IsRegex"/> and
    /// <see cref="ScanPattern.Text"/> name it in the plan.</summary>
    internal static (bool IsRegex, string Text)? PatternOf(ConditionModel condition) =>
        condition.Property("contains") is { } literal ? (false, literal.Value)
        : condition.Property("regex") is { } regex ? (true, regex.Value)
        : null;

    /// <summary>How the conditions of one literal or regex use it: counted by any, the source globs of
    /// those with a source, the platforms of the rules of those without one (every log file of those platforms'
    /// bundles), and the gate that opens it (see <see cref="ScanGate"/>), kept only while every use names the same one.
    /// <see cref="Everywhere"/>: some use limits it to neither, so it is looked for in every log file.</summary>
    private readonly record struct Use(bool Counted, string[]? Sources, string[]? Platforms, bool Everywhere, bool Anywhere,
        (bool IsRegex, string Text)? Gate, bool Ungated, bool Seen)
    {
        public string[] Globs => Everywhere || Sources is null ? [] : Sources;

        public string[] PlatformList => Everywhere || Platforms is null ? [] : Platforms;

        public Use With(bool counted, string? source, string? platform, bool anywhere, (bool IsRegex, string Text)? gate)
        {
            var ungated = Ungated || gate is null || (Seen && Gate != gate);
            return new(Counted || counted, source is null ? Sources : [.. Sources ?? [], source],
                source is null && platform is not null ? [.. Platforms ?? [], platform] : Platforms,
                Everywhere || (source is null && platform is null), Anywhere || anywhere, ungated ? null : gate, ungated, Seen: true);
        }
    }
}
