using KnowledgeEngine.Facts;
using KnowledgeEngine.Rules.Loading;
using KnowledgeEngine.Rules.Model;

namespace KnowledgeEngine.Rules.Validation;

/// <summary>Warnings for rules that load but are hard to trust or to act on: no examples, no
/// article behind them, evidence the operator cannot collect when it is missing.</summary>
internal static class StyleChecks
{
    public static IEnumerable<Diagnostic> Check(RuleModel rule)
    {
        var head = rule.Id?.Span ?? rule.Span;
        if (rule.Examples.Count == 0)
        {
            yield return Warn(LoaderCodes.NoExamples, head, $"rule {rule.Name} has no examples",
                "add examples: with at least one that fires and one that stays silent, so kb test can prove the rule");
        }
        else
        {
            if (rule.Examples.All(e => e.Expect?.Value != ExampleExpectation.Fires))
            {
                yield return Warn(LoaderCodes.NoFiringExample, head, $"rule {rule.Name} has no example that fires", "add an example with expect: fires");
            }

            if (rule.Examples.All(e => e.Expect?.Value != ExampleExpectation.Silent))
            {
                yield return Warn(LoaderCodes.NoSilentExample, head, $"rule {rule.Name} has no example that stays silent",
                    "add an example with expect: silent, ideally a near miss such as a look-alike scenario");
            }
        }

        if (rule.Knowledge is null)
        {
            yield return Warn(LoaderCodes.NoKnowledgeLink, head, $"rule {rule.Name} links no knowledge article",
                "add knowledge: <platform>/<article>.md so the runbook has background, verification and prevention");
        }

        if (rule.When.Count > 1 && !rule.When.Any(c => c.IsSignature))
        {
            yield return Warn(LoaderCodes.NoSignature, rule.When[0].Span, $"rule {rule.Name} has {rule.When.Count} when conditions and no signature",
                "mark the condition that singles the failure out with signature: true, so the rule can name a suspected cause when the other conditions were not collected");
        }
        else if (rule.When.Any(c => c.IsSignature) && rule.When.Any(c => !c.IsSignature) && rule.Cause is not null
            && rule.Examples.Count > 0 && rule.Examples.All(e => e.Expect?.Value != ExampleExpectation.Suspected))
        {
            yield return Warn(LoaderCodes.NoSuspectedExample, head, $"rule {rule.Name} has no example that holds only its signature",
                "add an example with expect: suspected whose facts hold only the signature conditions");
        }

        // A suspected cause lists each when condition that did not hold with its collect hint.
        foreach (var item in rule.When.Where(c => !c.IsSignature && c.Collect is null && rule.When.Any(s => s.IsSignature)))
        {
            yield return Warn(LoaderCodes.NoCollectHint, item.Span, "this when condition has no collect hint",
                "add collect: <command that gathers the fact>, so a suspected cause can say how to confirm it");
        }

        foreach (var item in rule.Conditions.Where(c => ScansEveryRecord(c) && Compilation.ScanGate.Of(c, rule.When) is null))
        {
            yield return Warn(LoaderCodes.ScansEveryRecord, item.Span,
                "this log condition makes the scanner try every record of every log file: it names no source, and " +
                (item.Property("regex") is null ? "it has neither contains nor regex" : "its regex has no literal that every match contains"),
                "add contains: <a literal every matching line holds>, or source: <glob of the files it reads>, " +
                "or, for a line printed after another condition's, where: source == <name>.source and line > <name>.line");
        }

        foreach (var item in rule.Conditions)
        {
            if (RedundantContains(item) is { } contains)
            {
                yield return Warn(LoaderCodes.RedundantContains, contains.Span,
                    $"contains '{contains.Value}' repeats a literal the regex already requires: every match of the regex holds it, and kb derives it from the regex for the scan and the engine",
                    "remove the contains: line");
            }
        }

        foreach (var item in rule.Evidence.Where(e => e.Collect is null))
        {
            yield return Warn(LoaderCodes.NoCollectHint, item.Span, "this evidence item has no collect hint",
                "add collect: <command that gathers the fact>, so a diagnosis can say how to obtain it when it is missing");
        }

        foreach (var warning in BacktrackingRegexes(rule))
        {
            yield return warning;
        }
    }

    /// <summary>A regex the linear-time engine cannot run is matched with backtracking under a
    /// per-line timeout; on a long or hostile line it gives up and the condition silently misses.</summary>
    private static IEnumerable<Diagnostic> BacktrackingRegexes(RuleModel rule)
    {
        foreach (var condition in rule.Conditions)
        {
            if (condition.Property("regex") is not { } regex)
            {
                continue;
            }

            bool backtracks;
            try
            {
                backtracks = LazyRegex.Get(regex.Value).NeedsBacktracking;
            }
            catch (ArgumentException)
            {
                continue; // an invalid pattern is already an error (KB0xx bad regex)
            }

            if (backtracks)
            {
                yield return Warn(LoaderCodes.BacktrackingRegex, regex.Span,
                    $"regex '{regex.Value}' needs backtracking (a backreference, lookaround or atomic group), so kb runs it with a {LazyRegex.MatchTimeout.TotalSeconds:0} s timeout per line and a long line can make the condition miss",
                    "rewrite it without backreferences and lookarounds, e.g. match both values with two captures and compare them in where:");
            }
        }
    }

    /// <summary>A log condition without a literal the prefilter can use and without a source glob: the
    /// scan plan then sends every record of every log file through it (2.3 µs a line for one such
    /// regex on a 1 GB bundle).</summary>
    private static bool ScansEveryRecord(ConditionModel condition) =>
        condition.Kind.Value == FactKind.Log && condition.Property("source") is null && condition.Property("contains") is null
        && (condition.Property("regex") is not { } regex || Facts.RegexLiterals.From(regex.Value).Count == 0);

    /// <summary>A contains beside a regex each of whose required literals holds it (so every match does).</summary>
    private static Located<string>? RedundantContains(ConditionModel condition)
    {
        if (condition.Kind.Value != FactKind.Log || condition.Property("contains") is not { } contains
            || condition.Property("regex") is not { } regex || contains.Value.Length == 0)
        {
            return null;
        }

        var literals = Facts.RegexLiterals.From(regex.Value);
        return literals.Count > 0 && literals.All(l => l.Contains(contains.Value, StringComparison.Ordinal)) ? contains : null;
    }

    private static Diagnostic Warn(string code, SourceSpan span, string message, string fix) =>
        new(code, DiagnosticSeverity.Warning, span, message, fix);
}
