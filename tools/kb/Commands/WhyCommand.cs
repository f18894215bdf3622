using System.CommandLine;
using KnowledgeEngine.Cli.KnowledgeBase;
using KnowledgeEngine.Diagnosis;
using KnowledgeEngine.Facts;
using KnowledgeEngine.Rules;

namespace KnowledgeEngine.Cli.Commands;

/// <summary>`kb why RULE BUNDLE`: why a rule did (or did not) fire on a bundle: the first required
/// condition that found no fact, what the ones before it matched, and the closest candidates.</summary>
internal static class WhyCommand
{
    public static Command Create()
    {
        var rule = new Argument<string>("rule") { Description = "The rule id, e.g. cloudpods/host-mac-changed" };
        var bundle = CommonOptions.Inputs();
        var rules = CommonOptions.Rules();
        var stdinAs = CommonOptions.StdinAs();
        var command = new Command("why", "Explain why a rule did or did not fire on a bundle, condition by condition.");
        command.Arguments.Add(rule);
        command.Arguments.Add(bundle);
        command.Options.Add(rules);
        command.Options.Add(stdinAs);
        command.SetAction(parseResult =>
        {
            var ruleSet = LoadedKnowledge.Load("why", parseResult.GetValue(rules), Console.Error)?.Rules;
            if (ruleSet is null)
            {
                return 1;
            }

            var id = parseResult.GetValue(rule)!;
            if (ruleSet.Rules.All(r => r.Id != id))
            {
                var close = ruleSet.ClosestIds(id);
                Console.Error.WriteLine($"kb why: no rule '{id}' in the knowledge base" +
                                        (close.Count > 0 ? $"; did you mean {string.Join(", ", close)}?" : ".") + " kb rules lists them all.");
                return 1;
            }

            try
            {
                using var opened = Bundle.Open(CommonOptions.Paths(parseResult.GetValue(bundle)!, parseResult.GetValue(stdinAs)), standardInput: CommonOptions.StandardInput);
                // Every record is kept so that lines the rule just missed can be shown as candidates. The plan knows the
                // rules' platforms, as kb diagnose's does, so that a log condition without a source reads the same
                // records here as there (a record of another platform's bundle is not its to read).
                var plan = ScanPlan.CreateBuilder().KeepAllRecords().KeepRepeats().KnowPlatforms(ruleSet.ScanPlan.Platforms).Build();
                var facts = opened.Scan(plan).ToList();
                Write(ruleSet.Why(id, facts), facts, plan.PlatformOf(opened.Metadata.Platform));
                return 0;
            }
            catch (BundleException e)
            {
                Console.Error.WriteLine($"kb why: {e.Message}");
                return 1;
            }
        });
        return command;
    }

    private static void Write(RuleProbe probe, IReadOnlyList<Fact> facts, string? bundlePlatform)
    {
        var id = probe.Rule.Id;
        Console.WriteLine(probe.Fired
            ? $"{id} fires: all {probe.Rule.When.Count} required conditions hold."
            : $"{id} does not fire: {probe.HeldConditions} of {probe.Rule.When.Count} required conditions hold.");
        for (var i = 0; i < probe.Rule.When.Count; i++)
        {
            var condition = probe.Rule.When[i];
            var state = i < probe.HeldConditions ? "held   " : i == probe.HeldConditions ? "MISSING" : "not reached";
            var matched = (i < probe.MatchedBy.Count ? probe.MatchedBy[i] : []).Select(m => m.Location ?? m.Fact.ToString()).ToList();
            Console.WriteLine($"  {state} {condition.Description} ({condition.Location})" +
                              (matched.Count > 0 ? $" ← {string.Join(", ", matched)}" : ""));
        }

        if (probe.FirstMissing is not { } missing)
        {
            return;
        }

        if (probe.Rule.SkipsBundleOf(missing, bundlePlatform))
        {
            Console.WriteLine($"  not looked for in this {bundlePlatform} bundle: a log condition without a source reads only the logs of " +
                              $"{probe.Rule.Platform} bundles and of bundles of no platform the rules know. Give it a source glob if " +
                              "the record can appear in this bundle's files.");
        }
        else
        {
            var (candidates, samePlace) = CandidateFinder.Closest(missing, facts);
            Console.WriteLine(samePlace == 0
                ? "  no fact of that kind and place was read: check the condition's source, kind or file glob, or collect it."
                : candidates.Count == 0
                    ? $"  {samePlace} facts of that kind and place were read; none shares a word with the condition."
                    : $"  closest candidates among {samePlace} facts of that kind and place:");
            foreach (var candidate in candidates)
            {
                Console.WriteLine($"    {candidate.Location}  {EvidenceQuoter.Text(candidate)}");
            }
        }
    }
}
